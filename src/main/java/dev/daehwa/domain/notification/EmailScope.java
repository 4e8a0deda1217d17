package dev.daehwa.domain.notification;

/**
 * Which unread messages of a room a member is emailed about. Mentions reach a member through a
 * muted room and through the mentions-only cadence, because a mention is someone asking for them;
 * turning mention email off, or choosing never, silences them too. In a direct room every message
 * is addressed to the other person, so it counts as a mention.
 */
public enum EmailScope {
    /** Every message they have not read. */
    EVERY_MESSAGE,
    /** Only the messages that mention them (in a direct room, all of them). */
    ADDRESSED_ONLY,
    /** Nothing. */
    NONE;

    public static EmailScope of(EmailCadence cadence, boolean roomMuted, boolean mentionEmail, boolean directRoom) {
        if (cadence == EmailCadence.NEVER) {
            return NONE;
        }
        if (!roomMuted && cadence.emailsEveryMessage()) {
            return EVERY_MESSAGE;
        }
        if (mentionEmail) {
            return directRoom ? EVERY_MESSAGE : ADDRESSED_ONLY;
        }
        return NONE;
    }
}
