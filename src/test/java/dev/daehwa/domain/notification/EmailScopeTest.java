package dev.daehwa.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmailScopeTest {

    @Test
    void anUnmutedRoomEmailsEveryMessageUnderATimedCadence() {
        assertEquals(EmailScope.EVERY_MESSAGE, EmailScope.of(EmailCadence.TWO_MINUTES, false, true, false));
        assertEquals(EmailScope.EVERY_MESSAGE, EmailScope.of(EmailCadence.ONE_HOUR, false, false, false));
    }

    @Test
    void aMutedRoomStillEmailsMentionsUnlessMentionEmailIsOff() {
        assertEquals(EmailScope.ADDRESSED_ONLY, EmailScope.of(EmailCadence.TWO_MINUTES, true, true, false));
        assertEquals(EmailScope.NONE, EmailScope.of(EmailCadence.TWO_MINUTES, true, false, false));
    }

    @Test
    void theMentionsCadenceEmailsOnlyMentionsAndWholeDirectRooms() {
        assertEquals(EmailScope.ADDRESSED_ONLY, EmailScope.of(EmailCadence.MENTIONS, false, true, false));
        assertEquals(EmailScope.EVERY_MESSAGE, EmailScope.of(EmailCadence.MENTIONS, false, true, true));
        assertEquals(EmailScope.NONE, EmailScope.of(EmailCadence.MENTIONS, false, false, true));
    }

    @Test
    void everyMessageOfAMutedDirectRoomIsAMention() {
        assertEquals(EmailScope.EVERY_MESSAGE, EmailScope.of(EmailCadence.IMMEDIATE, true, true, true));
    }

    @Test
    void neverMeansNeverMentionsIncluded() {
        assertEquals(EmailScope.NONE, EmailScope.of(EmailCadence.NEVER, false, true, false));
        assertEquals(EmailScope.NONE, EmailScope.of(EmailCadence.NEVER, true, true, true));
    }
}
