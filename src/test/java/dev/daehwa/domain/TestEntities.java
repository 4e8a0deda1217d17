package dev.daehwa.domain;

import dev.daehwa.domain.notification.EmailNotification;
import dev.daehwa.domain.notification.SendAttempts;
import dev.daehwa.domain.room.Room;
import dev.daehwa.domain.user.AccountRules;
import dev.daehwa.domain.user.User;
import java.lang.reflect.Field;
import java.time.Instant;

/** Builds entities for plain unit tests, giving them the ids that persisting would. */
public final class TestEntities {

    public static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private TestEntities() {
    }

    /** A registered user with the given id; email is {@code <username>@example.com}. */
    public static User user(long id, String username) {
        User user = User.register(
                AccountRules.check(username, "correct horse battery", username + "@example.com", null),
                "hash-of-" + username, T0);
        return withId(user, id);
    }

    /** A room with the given id, opened by {@code owner} at {@link #T0}. */
    public static Room room(long id, User owner) {
        return withId(Room.open("general", "", owner, T0), id);
    }

    /** An open notification, as the queue's INSERT writes it: due at {@code due}, never tried. */
    public static EmailNotification pendingNotification(long id, long userId, long roomId, Instant due) {
        try {
            var constructor = EmailNotification.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            EmailNotification notification = withId(constructor.newInstance(), id);
            setField(notification, "userId", userId);
            setField(notification, "roomId", roomId);
            setField(notification, "openUserId", userId);
            setField(notification, "openRoomId", roomId);
            setField(notification, "state", "pending");
            SendAttempts attempts = new SendAttempts();
            attempts.dueAt(due);
            setField(notification, "sending", attempts);
            setField(notification, "createdAt", due);
            return notification;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Sets the private {@code id} field, as persisting would. */
    public static <T> T withId(T entity, long id) {
        setField(entity, "id", id);
        return entity;
    }

    /** Reads a private field that has no accessor (e.g. {@code User.usernameKey}). */
    public static Object field(Object entity, String name) {
        try {
            return declared(entity, name).get(entity);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static void setField(Object entity, String name, Object value) {
        try {
            declared(entity, name).set(entity, value);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static Field declared(Object entity, String name) {
        for (Class<?> type = entity.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException ignored) {
                // try the superclass
            }
        }
        throw new AssertionError(entity.getClass() + " has no field " + name);
    }
}
