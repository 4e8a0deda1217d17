package dev.daehwa.interfaces.web;

import dev.daehwa.infrastructure.http.TransportSecurity;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * With an https public address the session cookie is Secure for every response. It can only be
 * configured while the application starts, so it is done here, from the setting.
 */
@WebListener
public class SecureSessionCookie implements ServletContextListener {

    @Inject
    private TransportSecurity transport;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        configure(event.getServletContext().getSessionCookieConfig(), transport);
    }

    static void configure(SessionCookieConfig config, TransportSecurity transport) {
        if (transport.alwaysHttps()) {
            config.setSecure(true);
        }
    }
}
