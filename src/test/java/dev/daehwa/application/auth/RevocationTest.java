package dev.daehwa.application.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which sockets and sessions a revocation ends: those its credential opened, and no others. */
class RevocationTest {

    private static final CallerCredential TOKEN = new CallerCredential.ApiToken("aa");
    private static final CallerCredential OTHER_TOKEN = new CallerCredential.ApiToken("bb");
    private static final CallerCredential LOGIN = new CallerCredential.Login("aa");
    private static final CallerCredential OTHER_LOGIN = new CallerCredential.Login("cc");

    @Test
    void aRevokedTokenEndsOnlyWhatThatTokenOpened() {
        Revocation revoked = new Revocation.TokenRevoked("aa");
        assertTrue(revoked.ends(1, TOKEN));
        assertFalse(revoked.ends(1, OTHER_TOKEN));
        assertFalse(revoked.ends(1, LOGIN), "a login whose hash happens to be equal is another credential");
        assertFalse(revoked.ends(1, null));
    }

    @Test
    void anEndedLoginEndsOnlyWhatThatLoginOpened() {
        Revocation ended = new Revocation.LoginEnded("aa");
        assertTrue(ended.ends(1, LOGIN));
        assertFalse(ended.ends(1, OTHER_LOGIN));
        assertFalse(ended.ends(1, TOKEN));
    }

    @Test
    void signingOutEverywhereEndsEverythingOfTheUserAndNothingOfOthers() {
        Revocation everywhere = new Revocation.SignedOut(1, null);
        assertTrue(everywhere.ends(1, TOKEN));
        assertTrue(everywhere.ends(1, LOGIN));
        assertTrue(everywhere.ends(1, null));
        assertFalse(everywhere.ends(2, LOGIN));
    }

    @Test
    void signingOutTheOthersKeepsTheCredentialThatAsked() {
        Revocation others = new Revocation.SignedOut(1, LOGIN);
        assertFalse(others.ends(1, new CallerCredential.Login("aa")));
        assertTrue(others.ends(1, OTHER_LOGIN));
        assertTrue(others.ends(1, TOKEN));
        assertFalse(others.ends(2, OTHER_LOGIN));
    }
}
