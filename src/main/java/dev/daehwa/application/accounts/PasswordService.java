package dev.daehwa.application.accounts;

import dev.daehwa.application.auth.CallerCredential;
import dev.daehwa.application.auth.PasswordLogin;
import dev.daehwa.application.auth.SignOutService;
import dev.daehwa.domain.error.AuthenticationRequiredException;
import dev.daehwa.domain.error.FieldError;
import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.user.AccountRules;
import dev.daehwa.domain.user.User;
import dev.daehwa.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** Changing one's password, which takes knowing the current one. */
@ApplicationScoped
public class PasswordService {

    @Inject
    private UserRepository users;

    @Inject
    private PasswordLogin logins;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private SignOutService signOut;

    /**
     * The current password is checked as a login would check it, throttle included: whoever holds
     * a stolen session must not get a way to guess the password that the login form refuses them.
     * A wrong guess is recorded like a failed login, hence no rollback for a refusal.
     *
     * @param signOutOthers also end every other login and every API token (and their sockets),
     *                      keeping only {@code current}, the credential of this request
     */
    @Transactional(dontRollbackOn = InvalidInputException.class)
    public void change(long userId, String currentPassword, String newPassword, boolean signOutOthers,
                       CallerCredential current) {
        List<FieldError> errors = new ArrayList<>();
        if (currentPassword == null || currentPassword.isEmpty()) {
            errors.add(FieldRefusal.CURRENT_PASSWORD_REQUIRED.error("The current password is required."));
        }
        try {
            AccountRules.checkNewPassword(newPassword);
        } catch (InvalidInputException invalid) {
            errors.addAll(invalid.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        User user = users.get(userId);
        try {
            logins.login(user.username(), currentPassword);
        } catch (AuthenticationRequiredException wrong) {
            throw InvalidInputException.of(FieldRefusal.CURRENT_PASSWORD_WRONG, "The current password is wrong.");
        }
        user.replacePasswordHash(passwords.hash(newPassword));
        if (signOutOthers) {
            signOut.allBut(userId, current);
        }
    }
}
