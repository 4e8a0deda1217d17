package dev.daehwa.domain.user;

import dev.daehwa.domain.notification.EmailCadence;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** A person who chats. Identified publicly by a username that is unique regardless of case. */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_id")
    @SequenceGenerator(name = "app_user_id", sequenceName = "app_user_id_seq", allocationSize = 50)
    private Long id;

    private String username;

    @Column(name = "username_key")
    private String usernameKey;

    private String email;

    @Column(name = "email_key")
    private String emailKey;

    /** The email key once the owner confirmed the address by its link; null until then. */
    @Column(name = "confirmed_email_key")
    private String confirmedEmailKey;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "created_at")
    private Instant createdAt;

    /** Null until the user chooses; then the server-wide default applies. */
    @Column(name = "email_cadence")
    private String emailCadence;

    /** Whether mentions are emailed even from muted rooms and under the mentions-only cadence. */
    @Column(name = "email_mentions")
    private boolean emailMentions = true;

    /** The language the user last used the app in (en or ko): their emails are written in it. */
    private String locale;

    protected User() {
        // for JPA
    }

    /** Expects values already checked by {@link AccountRules}. */
    public static User register(AccountRules.ValidAccount account, String passwordHash, Instant now) {
        User user = new User();
        user.username = account.username();
        user.usernameKey = keyOf(account.username());
        user.email = account.email();
        user.emailKey = keyOf(account.email());
        user.displayName = account.displayName();
        user.passwordHash = passwordHash;
        user.createdAt = now;
        return user;
    }

    /** Whether the owner proved, by the link sent to it, that the address is theirs. */
    public boolean isEmailConfirmed() {
        return confirmedEmailKey != null;
    }

    /** The address was proven; it is now this user's alone (the unique key sees to that). */
    public void confirmEmail() {
        confirmedEmailKey = emailKey;
    }

    /**
     * A new address, unconfirmed until its link is followed; the old one is released.
     *
     * @return false when it is the same address (ignoring case), which changes nothing
     */
    public boolean changeEmail(String address) {
        if (keyOf(address).equals(emailKey)) {
            return false;
        }
        email = address;
        emailKey = keyOf(address);
        confirmedEmailKey = null;
        return true;
    }

    /** The email cadence this user chose, or empty when they never chose one. */
    public Optional<EmailCadence> chosenEmailCadence() {
        return emailCadence == null ? Optional.empty() : EmailCadence.find(emailCadence);
    }

    public void chooseEmailCadence(EmailCadence cadence) {
        emailCadence = cadence.value();
    }

    public boolean emailsMentions() {
        return emailMentions;
    }

    public void chooseMentionEmail(boolean on) {
        emailMentions = on;
    }

    /** The language of this user's emails; empty until they have used the app. */
    public Optional<Locale> language() {
        return locale == null ? Optional.empty() : Optional.of(Locale.forLanguageTag(locale));
    }

    /** Remembers the language the user is using now; true when it changed. */
    public boolean useLanguage(Locale language) {
        String tag = language.toLanguageTag();
        if (tag.equals(locale)) {
            return false;
        }
        locale = tag;
        return true;
    }

    /**
     * The case-insensitive form used for uniqueness and lookups. NFC first, so that a Hangul name
     * typed as decomposed jamo (as some keyboards send it) finds the same account.
     */
    public static String keyOf(String usernameOrEmail) {
        return Normalizer.normalize(usernameOrEmail.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Longest key a real account can have; a longer login name cannot match anyone. */
    public static final int KEY_MAX = 120;

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    /** A new password, or the same one hashed with stronger parameters. */
    public void replacePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
