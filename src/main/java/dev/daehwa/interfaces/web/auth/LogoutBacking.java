package dev.daehwa.interfaces.web.auth;

import dev.daehwa.infrastructure.auth.HttpSessionLogin;
import dev.daehwa.interfaces.web.support.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Logging out takes a POST from the confirmation page (protected by the Faces ViewState), so a
 * link or image on another site cannot log anyone out.
 */
@Named
@RequestScoped
public class LogoutBacking {

    @Inject
    private HttpSessionLogin sessions;

    public void logout() {
        sessions.end(Pages.request(), Pages.response());
        Pages.redirect("/login");
    }
}
