package dev.daehwa.interfaces.web.profile;

import dev.daehwa.application.accounts.PasswordService;
import dev.daehwa.domain.error.DomainException;
import dev.daehwa.infrastructure.auth.CurrentCaller;
import dev.daehwa.infrastructure.auth.HttpSessionLogin;
import dev.daehwa.interfaces.web.support.FormMessages;
import dev.daehwa.interfaces.web.support.Pages;
import dev.daehwa.interfaces.web.support.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The profile page's password and sign-in forms: the same rules as {@code PUT /api/auth/me/password}
 * and {@code POST /api/auth/sign-out-everywhere}, through the same services. Posted with the Faces
 * ViewState, which another site cannot forge.
 */
@Named
@RequestScoped
public class AccountSecurityBacking {

    static final String PASSWORD_FORM = "password";

    @Inject
    private PasswordService passwords;

    @Inject
    private HttpSessionLogin sessions;

    @Inject
    private CurrentCaller caller;

    @Inject
    private Viewer viewer;

    private String currentPassword;
    private String newPassword;
    private String newPasswordAgain;
    private boolean signOutOthers;
    private boolean tokensToo;
    private boolean changed;
    /** A refusal that names no field (too many wrong passwords), shown in this form only. */
    private String refusal;

    public void changePassword() {
        if (newPassword != null && !newPassword.equals(newPasswordAgain)) {
            FormMessages.onField(PASSWORD_FORM, "newPasswordAgain", Pages.text("account.passwordMismatch"));
            return;
        }
        try {
            passwords.change(viewer.getId(), currentPassword, newPassword, signOutOthers,
                    caller.credential().orElse(null));
            changed = true;
        } catch (DomainException e) {
            if (e.fieldErrors().isEmpty()) {
                refusal = Pages.explain(e);
            } else {
                FormMessages.onFields(PASSWORD_FORM, Pages.explain(e.fieldErrors()));
            }
        }
    }

    public void signOutEverywhere() {
        sessions.signOutEverywhere(Pages.request(), Pages.response(), viewer.getId(), tokensToo);
        Pages.redirect("/login");
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getNewPasswordAgain() {
        return newPasswordAgain;
    }

    public void setNewPasswordAgain(String newPasswordAgain) {
        this.newPasswordAgain = newPasswordAgain;
    }

    public boolean isSignOutOthers() {
        return signOutOthers;
    }

    public void setSignOutOthers(boolean signOutOthers) {
        this.signOutOthers = signOutOthers;
    }

    public boolean isTokensToo() {
        return tokensToo;
    }

    public void setTokensToo(boolean tokensToo) {
        this.tokensToo = tokensToo;
    }

    public boolean isChanged() {
        return changed;
    }

    public String getRefusal() {
        return refusal;
    }
}
