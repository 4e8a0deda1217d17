package dev.daehwa.domain.message;

import dev.daehwa.domain.user.PublicProfile;

/**
 * A message that others answered, as much of it as their replies quote. Deleted ones too: a
 * reply then says so, and their content is already gone.
 */
public record Original(long id, long seq, PublicProfile author, String content, boolean deleted) {
}
