package dev.daehwa.application.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.daehwa.domain.TestEntities;
import dev.daehwa.domain.auth.LoginAttempts;
import dev.daehwa.domain.auth.LoginAttemptsRepository;
import dev.daehwa.domain.auth.LoginThrottle;
import dev.daehwa.domain.error.AuthenticationRequiredException;
import dev.daehwa.domain.error.TooManyAttemptsException;
import dev.daehwa.domain.user.User;
import dev.daehwa.domain.user.UserRepository;
import dev.daehwa.infrastructure.crypto.Pbkdf2PasswordHasher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The order of a login: the username's slot is taken before any password hash is computed, so a
 * refused attempt never costs one. The hasher here counts its calls instead of hashing.
 */
class PasswordLoginTest {

    private static final String RIGHT = "correct horse battery";

    private final CountingHasher hasher = new CountingHasher();
    private final SlotsInMemory slots = new SlotsInMemory();
    private final User alice = TestEntities.user(1, "alice");
    private final PasswordLogin logins = new PasswordLogin(new OneUser(alice), slots, hasher,
            Clock.fixed(TestEntities.T0, ZoneOffset.UTC));

    @Test
    void aThrottledAttemptComputesNoHash() {
        for (int i = 0; i < 10; i++) {
            assertThrows(AuthenticationRequiredException.class, () -> logins.login("alice", "wrong"));
        }
        assertEquals(10, hasher.calls.get());

        assertThrows(TooManyAttemptsException.class, () -> logins.login("alice", RIGHT));
        assertThrows(TooManyAttemptsException.class, () -> logins.login("Alice", "wrong"));

        assertEquals(10, hasher.calls.get(), "a refused attempt computed a hash");
    }

    @Test
    void fortyParallelGuessesReachTheHashAtMostTenTimes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Class<?>>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Callable<Class<?>> guess = () -> {
                    go.await();
                    try {
                        logins.login("alice", "guess");
                        return null;
                    } catch (RuntimeException e) {
                        return e.getClass();
                    }
                };
                answers.add(pool.submit(guess));
            }
            go.countDown();
            Map<Class<?>, Integer> counts = new HashMap<>();
            for (Future<Class<?>> answer : answers) {
                counts.merge(answer.get(), 1, Integer::sum);
            }
            assertEquals(Map.of(AuthenticationRequiredException.class, 10, TooManyAttemptsException.class, 30), counts);
            assertEquals(10, hasher.calls.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        for (int i = 0; i < 9; i++) {
            assertThrows(AuthenticationRequiredException.class, () -> logins.login("alice", "wrong"));
        }
        assertEquals(alice, logins.login("ALICE", RIGHT));

        for (int i = 0; i < 10; i++) {
            assertThrows(AuthenticationRequiredException.class, () -> logins.login("alice", "wrong"));
        }
        assertThrows(TooManyAttemptsException.class, () -> logins.login("alice", RIGHT));
    }

    @Test
    void aNameNoAccountCanHaveCostsNeitherSlotNorHash() {
        assertThrows(AuthenticationRequiredException.class, () -> logins.login("", "x"));
        assertThrows(AuthenticationRequiredException.class, () -> logins.login("a".repeat(200), "x"));

        assertEquals(0, hasher.calls.get());
        assertEquals(0, slots.reservations.get());
    }

    /** Verifies nothing; counts how often a hash would have been computed. */
    private static final class CountingHasher extends Pbkdf2PasswordHasher {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public boolean matches(String password, String hash) {
            calls.incrementAndGet();
            return RIGHT.equals(password);
        }

        @Override
        public boolean matchesNobody(String password) {
            calls.incrementAndGet();
            return false;
        }
    }

    /** The repository's contract (one atomic take per attempt) with a lock instead of a row lock. */
    private static final class SlotsInMemory implements LoginAttemptsRepository {
        private final Map<String, LoginAttempts> rows = new HashMap<>();
        final AtomicInteger reservations = new AtomicInteger();

        @Override
        public synchronized Optional<Duration> reserve(String usernameKey, LoginThrottle throttle, Instant now) {
            reservations.incrementAndGet();
            return throttle.take(rows.computeIfAbsent(usernameKey, key -> LoginAttempts.none(key, now)), now);
        }

        @Override
        public synchronized void forget(String usernameKey) {
            rows.remove(usernameKey);
        }
    }

    private record OneUser(User user) implements UserRepository {
        @Override
        public Optional<User> findByUsername(String username) {
            return User.keyOf(user.username()).equals(User.keyOf(username)) ? Optional.of(user) : Optional.empty();
        }

        @Override
        public Optional<User> find(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<User> findAll(Collection<Long> ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<User> findByUsernames(Collection<String> usernames) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean usernameTaken(String username) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean emailTaken(String email) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<User> searchByPrefix(String prefix, Long notInRoomId, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void store(User user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void flush() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void replacePasswordHash(long userId, String passwordHash) {
            user.replacePasswordHash(passwordHash);
        }
    }
}
