package dev.daehwa.domain.error;

/**
 * Every way the domain can refuse one input field, as the field and code its {@link FieldError}
 * carries. The rules stay with the entities and services that check them; they are only named here,
 * in one list, so that a test can prove that the web pages have a text for each in every language.
 */
public enum FieldRefusal {

    USERNAME_REQUIRED("username", "required"),
    USERNAME_TOO_SHORT("username", "too-short"),
    USERNAME_TOO_LONG("username", "too-long"),
    USERNAME_FORMAT("username", "format"),
    USERNAME_TAKEN("username", "taken"),
    /** A direct conversation with oneself. */
    DIRECT_WITH_SELF("username", "self"),
    PASSWORD_REQUIRED("password", "required"),
    PASSWORD_TOO_SHORT("password", "too-short"),
    PASSWORD_TOO_LONG("password", "too-long"),
    NEW_PASSWORD_REQUIRED("newPassword", "required"),
    NEW_PASSWORD_TOO_SHORT("newPassword", "too-short"),
    NEW_PASSWORD_TOO_LONG("newPassword", "too-long"),
    CURRENT_PASSWORD_REQUIRED("currentPassword", "required"),
    CURRENT_PASSWORD_WRONG("currentPassword", "wrong"),
    EMAIL_REQUIRED("email", "required"),
    EMAIL_FORMAT("email", "format"),
    EMAIL_TAKEN("email", "taken"),
    DISPLAY_NAME_TOO_LONG("displayName", "too-long"),
    /** A room's name or an API token's name. */
    NAME_REQUIRED("name", "required"),
    NAME_TOO_LONG("name", "too-long"),
    DESCRIPTION_TOO_LONG("description", "too-long"),
    MEMBERS_UNKNOWN_USER("members", "unknown-user"),
    CONTENT_REQUIRED("content", "required"),
    CONTENT_TOO_LONG("content", "too-long"),
    EMOJI_NOT_ONE("emoji", "not-one-emoji"),
    /** A reply to a message that is deleted, unknown, or of another room: all alike, so nothing leaks. */
    REPLY_TO_UNKNOWN("replyTo", "unknown-message"),
    CLIENT_MESSAGE_ID_BLANK("clientMessageId", "blank"),
    CLIENT_MESSAGE_ID_TOO_LONG("clientMessageId", "too-long"),
    SEQ_OUT_OF_RANGE("seq", "out-of-range"),
    BEFORE_WITH_AFTER("before", "exclusive"),
    LIMIT_OUT_OF_RANGE("limit", "out-of-range"),
    SEARCH_REQUIRED("q", "required"),
    SEARCH_TOO_LONG("q", "too-long"),
    SEARCH_UNCLOSED_QUOTE("q", "unclosed-quote"),
    SEARCH_EMPTY_OPERATOR("q", "empty-operator"),
    SEARCH_NEGATED_OPERATOR("q", "negated-operator"),
    SEARCH_BAD_DATE("q", "bad-date"),
    SEARCH_UNKNOWN_HAS("q", "unknown-has"),
    SEARCH_LIMIT_OUT_OF_RANGE("limit", "search-range"),
    SEARCH_CURSOR_INVALID("before", "cursor"),
    SEARCH_ORDER_UNKNOWN("order", "unknown"),
    SEARCH_ZONE_UNKNOWN("tz", "unknown"),
    EMAIL_CADENCE_REQUIRED("email", "cadence-required"),
    EMAIL_CADENCE_UNKNOWN("email", "cadence"),
    MUTED_ROOMS_REQUIRED("mutedRooms", "required"),
    MUTED_ROOMS_UNKNOWN("mutedRooms", "unknown-room"),
    UNSUBSCRIBE_TOKEN_INVALID("token", "invalid"),
    CONFIRMATION_TOKEN_INVALID("token", "confirmation-invalid"),
    CONFIRMATION_TOKEN_EXPIRED("token", "confirmation-expired"),
    EMAIL_ALREADY_CONFIRMED("email", "already-confirmed");

    private final String field;
    private final String code;

    FieldRefusal(String field, String code) {
        this.field = field;
        this.code = code;
    }

    /** This refusal with its English message, which may name the offending value. */
    public FieldError error(String message) {
        return new FieldError(field, code, message);
    }
}
