package dev.daehwa.application.auth;

import dev.daehwa.domain.auth.ApiToken;
import dev.daehwa.domain.auth.ApiTokenRepository;
import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.domain.user.User;
import dev.daehwa.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Personal API tokens: created with a name, shown once, revoked by deleting. */
@ApplicationScoped
@Transactional
public class ApiTokenService {

    static final int NAME_MAX = 100;
    private static final String NAME_LENGTH = "A token needs a name of 1 to 100 characters.";

    @Inject
    private ApiTokenRepository tokens;

    @Inject
    private TokenSecrets secrets;

    @Inject
    private UserRepository users;

    @Inject
    private Clock clock;

    @Inject
    private Event<Revocation> revocations;

    /** The new token together with its secret, which exists only in this return value. */
    public record IssuedToken(ApiToken token, String secret) {
    }

    public IssuedToken issue(long userId, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw InvalidInputException.of(FieldRefusal.NAME_REQUIRED, NAME_LENGTH);
        }
        if (trimmed.length() > NAME_MAX) {
            throw InvalidInputException.of(FieldRefusal.NAME_TOO_LONG, NAME_LENGTH);
        }
        User owner = users.get(userId);
        String secret = secrets.newSecret();
        ApiToken token = new ApiToken(owner, trimmed, secrets.hashOf(secret), Instant.now(clock));
        tokens.store(token);
        return new IssuedToken(token, secret);
    }

    public List<ApiToken> listOwn(long userId) {
        return tokens.findByOwner(userId);
    }

    public void revoke(long userId, long tokenId) {
        ApiToken token = tokens.findOwned(tokenId, userId).orElseThrow(() -> new NotFoundException("No such token."));
        tokens.remove(token);
        revocations.fire(new Revocation.TokenRevoked(token.tokenHash()));
    }

    public Optional<User> authenticate(String secret) {
        if (!secrets.hasSecretForm(secret)) {
            return Optional.empty();
        }
        return tokens.findByHash(secrets.hashOf(secret)).map(ApiToken::owner);
    }
}
