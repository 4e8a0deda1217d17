package dev.daehwa.application.messages;

import dev.daehwa.domain.message.Excerpt;
import dev.daehwa.domain.message.Original;
import dev.daehwa.domain.user.PublicProfile;

/**
 * What a reply shows of the message it answers: who wrote it, where it is ({@code seq}, to
 * scroll to) and its start ({@link Excerpt}); of a deleted original, only that it is gone.
 *
 * @param author null when deleted
 * @param excerpt null when deleted
 */
public record ReplyQuote(long id, long seq, PublicProfile author, String excerpt, boolean deleted) {

    static ReplyQuote of(Original original) {
        return original.deleted() ? new ReplyQuote(original.id(), original.seq(), null, null, true)
                : new ReplyQuote(original.id(), original.seq(), original.author(), Excerpt.of(original.content()), false);
    }
}
