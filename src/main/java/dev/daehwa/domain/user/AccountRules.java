package dev.daehwa.domain.user;

import dev.daehwa.domain.error.FieldError;
import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a valid account looks like. Usernames allow letters of any script (a Korean team may well
 * pick 한글 names), digits and {@code _.-}; they are NFC-normalised so that the same name typed on
 * different keyboards is the same name.
 */
public final class AccountRules {

    public static final int USERNAME_MIN = 3;
    public static final int USERNAME_MAX = 30;
    public static final int PASSWORD_MIN = 8;
    /** Hashing is deliberately slow; an unbounded password would make it a denial of service. */
    public static final int PASSWORD_MAX = 1024;
    public static final int DISPLAY_NAME_MAX = 50;
    public static final int EMAIL_MAX = 254;

    private static final String USERNAME_LENGTH = "Username must be 3 to 30 characters.";
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{Nd}_.-]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private AccountRules() {
    }

    public record ValidAccount(String username, String email, String displayName) {
    }

    public static ValidAccount check(String username, String password, String email, String displayName) {
        List<FieldError> errors = new ArrayList<>();
        String name = normalise(username);
        if (name.isEmpty()) {
            errors.add(FieldRefusal.USERNAME_REQUIRED.error("Username is required."));
        } else if (length(name) < USERNAME_MIN) {
            errors.add(FieldRefusal.USERNAME_TOO_SHORT.error(USERNAME_LENGTH));
        } else if (length(name) > USERNAME_MAX) {
            errors.add(FieldRefusal.USERNAME_TOO_LONG.error(USERNAME_LENGTH));
        } else if (!USERNAME.matcher(name).matches()) {
            errors.add(FieldRefusal.USERNAME_FORMAT.error(
                    "Username may contain only letters, digits, '_', '.' and '-'."));
        }
        checkPassword(password, errors, FieldRefusal.PASSWORD_REQUIRED, FieldRefusal.PASSWORD_TOO_SHORT,
                FieldRefusal.PASSWORD_TOO_LONG);
        String mail = normalise(email);
        checkEmail(mail, errors);
        String shown = normalise(displayName);
        if (shown.isEmpty()) {
            shown = name;
        } else if (length(shown) > DISPLAY_NAME_MAX) {
            errors.add(FieldRefusal.DISPLAY_NAME_TOO_LONG.error("Display name must be at most 50 characters."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ValidAccount(name, mail, shown);
    }

    /** A changed password obeys the rules of a new account's, under the field {@code newPassword}. */
    public static void checkNewPassword(String password) {
        List<FieldError> errors = new ArrayList<>();
        checkPassword(password, errors, FieldRefusal.NEW_PASSWORD_REQUIRED, FieldRefusal.NEW_PASSWORD_TOO_SHORT,
                FieldRefusal.NEW_PASSWORD_TOO_LONG);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** A new email address for an existing account, normalised. */
    public static String checkEmail(String email) {
        List<FieldError> errors = new ArrayList<>();
        String mail = normalise(email);
        checkEmail(mail, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return mail;
    }

    private static void checkEmail(String mail, List<FieldError> errors) {
        if (mail.isEmpty()) {
            errors.add(FieldRefusal.EMAIL_REQUIRED.error("Email is required."));
        } else if (mail.length() > EMAIL_MAX || !EMAIL.matcher(mail).matches()) {
            errors.add(FieldRefusal.EMAIL_FORMAT.error("Email must look like name@example.com."));
        }
    }

    private static void checkPassword(String password, List<FieldError> errors, FieldRefusal required,
                                      FieldRefusal tooShort, FieldRefusal tooLong) {
        if (password == null || password.isEmpty()) {
            errors.add(required.error("Password is required."));
        } else if (password.length() < PASSWORD_MIN) {
            errors.add(tooShort.error("Password must be at least 8 characters."));
        } else if (password.length() > PASSWORD_MAX) {
            errors.add(tooLong.error("Password must be at most 1024 characters."));
        }
    }

    static String normalise(String value) {
        return value == null ? "" : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }

    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
