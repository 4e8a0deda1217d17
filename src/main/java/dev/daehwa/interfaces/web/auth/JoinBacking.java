package dev.daehwa.interfaces.web.auth;

import dev.daehwa.application.accounts.AccountService;
import dev.daehwa.application.limits.RequestLimits;
import dev.daehwa.domain.error.DomainException;
import dev.daehwa.domain.user.User;
import dev.daehwa.infrastructure.auth.HttpSessionLogin;
import dev.daehwa.infrastructure.http.TrustedProxies;
import dev.daehwa.interfaces.web.support.FormMessages;
import dev.daehwa.interfaces.web.support.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The sign-up form. The rules are AccountService's; this bean only shows their answers. */
@Named
@RequestScoped
public class JoinBacking {

    static final String FORM = "join";

    @Inject
    private AccountService accounts;

    @Inject
    private HttpSessionLogin sessions;

    @Inject
    private RequestLimits limits;

    @Inject
    private TrustedProxies proxies;

    private String username;
    private String email;
    private String displayName;
    private String password;
    private String passwordAgain;

    public void join() {
        if (password != null && !password.equals(passwordAgain)) {
            FormMessages.onField(FORM, "passwordAgain", Pages.text("join.passwordMismatch"));
            return;
        }
        User user;
        try {
            limits.signup(proxies.clientAddress(Pages.request()));
            user = accounts.register(username, password, email, displayName);
        } catch (DomainException e) {
            FormMessages.onRefusal(FORM, e);
            return;
        }
        sessions.establish(Pages.request(), Pages.response(), user.id());
        Pages.redirect("/");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordAgain() {
        return passwordAgain;
    }

    public void setPasswordAgain(String passwordAgain) {
        this.passwordAgain = passwordAgain;
    }
}
