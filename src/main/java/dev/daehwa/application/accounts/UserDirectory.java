package dev.daehwa.application.accounts;

import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.domain.room.RoomRepository;
import dev.daehwa.domain.user.User;
import dev.daehwa.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Finding people to add to a room. */
@ApplicationScoped
@Transactional
public class UserDirectory {

    public static final int MAX_LIMIT = 50;

    @Inject
    private UserRepository users;

    @Inject
    private RoomRepository rooms;

    public Optional<User> byUsername(String username) {
        return users.findByUsername(username);
    }

    public List<User> search(String prefix, int limit) {
        return users.searchByPrefix(normalised(prefix), null, clamped(limit));
    }

    /**
     * People who could be added to a room: everyone matching who is not in it yet. Only a member
     * may ask, since the answer tells who is in the room; anyone else gets the room's 404.
     */
    public List<User> searchNonMembers(long callerId, long roomId, String prefix, int limit) {
        rooms.findMembership(roomId, callerId).orElseThrow(NotFoundException::room);
        return users.searchByPrefix(normalised(prefix), roomId, clamped(limit));
    }

    private static String normalised(String prefix) {
        return prefix == null ? "" : prefix.strip();
    }

    private static int clamped(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
