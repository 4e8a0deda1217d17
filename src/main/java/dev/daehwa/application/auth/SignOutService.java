package dev.daehwa.application.auth;

import dev.daehwa.domain.auth.ApiTokenRepository;
import dev.daehwa.domain.auth.BrowserLoginRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Ends many of a user's credentials at once, for someone who lost a device or fears their account
 * is used by someone else. One revocation covers them all, however many logins there were, so
 * the other nodes hear of it in one message.
 */
@ApplicationScoped
@Transactional
public class SignOutService {

    @Inject
    private BrowserLoginRepository logins;

    @Inject
    private ApiTokenRepository tokens;

    @Inject
    private Event<Revocation> revocations;

    /** Every login and socket of the user, on every node; every API token too if asked. */
    public void everywhere(long userId, boolean tokensToo) {
        logins.removeAllOf(userId, null);
        if (tokensToo) {
            tokens.removeAllOf(userId, null);
        }
        revocations.fire(new Revocation.SignedOut(userId, null));
    }

    /** Every login, API token and socket of the user but those of the credential kept. */
    public void allBut(long userId, CallerCredential kept) {
        logins.removeAllOf(userId, kept instanceof CallerCredential.Login login ? login.loginHash() : null);
        tokens.removeAllOf(userId, kept instanceof CallerCredential.ApiToken token ? token.tokenHash() : null);
        revocations.fire(new Revocation.SignedOut(userId, kept));
    }
}
