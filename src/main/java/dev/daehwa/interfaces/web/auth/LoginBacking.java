package dev.daehwa.interfaces.web.auth;

import dev.daehwa.application.auth.PasswordLogin;
import dev.daehwa.application.limits.RequestLimits;
import dev.daehwa.domain.error.AuthenticationRequiredException;
import dev.daehwa.domain.error.TooManyAttemptsException;
import dev.daehwa.domain.user.User;
import dev.daehwa.infrastructure.auth.HttpSessionLogin;
import dev.daehwa.infrastructure.http.TrustedProxies;
import dev.daehwa.interfaces.web.support.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

/**
 * The login form. After logging in, the user goes back to the page that sent them here
 * ({@code ?continue=/rooms/4}), provided it is a path inside this app.
 */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    private PasswordLogin logins;

    @Inject
    private HttpSessionLogin sessions;

    @Inject
    private RequestLimits limits;

    @Inject
    private TrustedProxies proxies;

    @Inject
    @Param(name = "continue")
    private String continueTo;

    private String username;
    private String password;
    private String error;

    public void login() {
        User user;
        try {
            limits.login(proxies.clientAddress(Pages.request()));
            user = logins.login(username, password);
        } catch (TooManyAttemptsException e) {
            error = Pages.text("login.throttled");
            return;
        } catch (AuthenticationRequiredException e) {
            // One message, whether or not the username exists.
            error = Pages.text("login.failed");
            return;
        }
        sessions.establish(Pages.request(), Pages.response(), user.id());
        Pages.redirect(Pages.isLocalPath(continueTo) ? continueTo : "/");
    }

    public String getContinueTo() {
        return continueTo;
    }

    public void setContinueTo(String continueTo) {
        this.continueTo = continueTo;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getError() {
        return error;
    }
}
