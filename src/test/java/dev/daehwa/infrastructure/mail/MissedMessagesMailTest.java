package dev.daehwa.infrastructure.mail;

import static dev.daehwa.domain.TestEntities.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.application.notification.MissedMessagesEmail;
import dev.daehwa.domain.TestEntities;
import dev.daehwa.infrastructure.markdown.MessageRenderer;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.room.Room;
import dev.daehwa.domain.user.User;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MissedMessagesMailTest {

    private static final URI BASE = URI.create("https://chat.example.com/");
    private final User minji = TestEntities.user(1, "minji");
    private final Room room = TestEntities.room(10, minji);

    private MissedMessagesEmail email(Locale language, List<String> senders, long total, String... texts) {
        return email(language, senders, List.of(), total, texts);
    }

    private MissedMessagesEmail email(Locale language, List<String> senders, List<String> mentionedBy, long total,
                                      String... texts) {
        return email(language, senders, mentionedBy, List.of(), total, texts);
    }

    private MissedMessagesEmail email(Locale language, List<String> senders, List<String> mentionedBy,
                                      List<String> repliedBy, long total, String... texts) {
        List<Message> shown = java.util.Arrays.stream(texts)
                .map(text -> Message.post(room, minji, text, null, T0))
                .toList();
        return new MissedMessagesEmail(5, "joon@example.com", "Joon", language, 10, "Team <b>", shown, total,
                senders, total, "2.10.signature", mentionedBy, Map.of(), repliedBy, false);
    }

    private static MissedMessagesMail render(MissedMessagesEmail email) {
        return MissedMessagesMail.of(email, BASE, new MessageRenderer());
    }

    @Test
    void oneMessageSaysWhoAndWhere() {
        MissedMessagesMail mail = render(email(Locale.ENGLISH, List.of("Minji"), 1, "hi"));
        assertEquals("New message in \u201cTeam <b>\u201d from Minji", mail.subject());
    }

    @Test
    void aDirectMessageSaysWhoWroteNotWhere() {
        List<Message> shown = List.of(Message.post(room, minji, "hi", null, T0));
        MissedMessagesEmail one = new MissedMessagesEmail(5, "joon@example.com", "Joon", Locale.ENGLISH, 10, "Minji",
                shown, 1, List.of("Minji"), 1, "t", List.of("Minji"), Map.of(), List.of(), true);
        MissedMessagesEmail three = new MissedMessagesEmail(5, "joon@example.com", "Joon", Locale.KOREAN, 10, "민지",
                shown, 3, List.of("민지"), 3, "t", List.of(), Map.of(), List.of(), true);

        assertEquals("Minji sent you a message", render(one).subject());
        assertFalse(render(one).text().contains("mentioned you"), "every direct message is addressed: " + render(one).text());
        assertEquals("민지님이 메시지 3개를 보냈습니다", render(three).subject());
    }

    @Test
    void theSubjectNamesUpToThreeSendersThenCountsTheOthers() {
        assertEquals("3 new messages in \u201cTeam <b>\u201d from Minji and Joon",
                render(email(Locale.ENGLISH, List.of("Minji", "Joon"), 3, "a")).subject());
        assertEquals("4 new messages in \u201cTeam <b>\u201d from A, B and C",
                render(email(Locale.ENGLISH, List.of("A", "B", "C"), 4, "a")).subject());
        assertEquals("9 new messages in \u201cTeam <b>\u201d from A, B and 3 others",
                render(email(Locale.ENGLISH, List.of("A", "B", "C", "D", "E"), 9, "a")).subject());
    }

    @Test
    void aMentionIsWhatTheSubjectAndTheFirstLineSay() {
        MissedMessagesMail mail = render(email(Locale.ENGLISH, List.of("Minji", "Joon"), List.of("Minji"), 3, "@joon look"));
        assertEquals("Minji mentioned you in \u201cTeam <b>\u201d", mail.subject());
        assertTrue(mail.text().contains("Minji mentioned you in \u201cTeam <b>\u201d."), mail.text());
        assertTrue(mail.html().contains("<strong>Minji mentioned you in \u201cTeam &lt;b&gt;\u201d.</strong>"), mail.html());
        MissedMessagesMail korean = render(email(Locale.KOREAN, List.of("민지"), List.of("민지", "준"), 2, "@joon"));
        assertEquals("민지, 준님이 \u201cTeam <b>\u201d에서 회원님을 멘션했습니다", korean.subject());
    }

    @Test
    void aReplyIsWhatTheSubjectAndTheFirstLineSayWhenNobodyMentionedTheReader() {
        MissedMessagesMail mail = render(email(Locale.ENGLISH, List.of("Minji"), List.of(), List.of("Minji"), 1, "yes"));
        assertEquals("Minji replied to you in \u201cTeam <b>\u201d", mail.subject());
        assertTrue(mail.text().contains("Minji replied to you in \u201cTeam <b>\u201d."), mail.text());
        assertTrue(mail.html().contains("<strong>Minji replied to you in \u201cTeam &lt;b&gt;\u201d.</strong>"), mail.html());
        MissedMessagesMail korean = render(email(Locale.KOREAN, List.of("민지"), List.of(), List.of("민지"), 1, "네"));
        assertEquals("민지님이 \u201cTeam <b>\u201d에서 회원님에게 답장했습니다", korean.subject());
    }

    @Test
    void aMentionIsSaidRatherThanAReply() {
        MissedMessagesMail mail = render(email(Locale.ENGLISH, List.of("Minji"), List.of("Minji"), List.of("Minji"), 2,
                "@joon", "yes"));
        assertEquals("Minji mentioned you in \u201cTeam <b>\u201d", mail.subject());
        assertFalse(mail.text().contains("replied"), mail.text());
    }

    @Test
    void withoutAMentionNothingSaysSo() {
        MissedMessagesMail mail = render(email(Locale.ENGLISH, List.of("Minji"), 1, "hi"));
        assertFalse(mail.text().contains("mentioned"), mail.text());
    }

    @Test
    void koreanRecipientsGetKorean() {
        MissedMessagesMail mail = render(email(Locale.KOREAN, List.of("민지", "준"), 2, "안녕", "점심?"));
        assertEquals("\u201cTeam <b>\u201d에 새 메시지 2개 (민지, 준)", mail.subject());
        assertTrue(mail.text().startsWith("Joon님, 안녕하세요."), mail.text());
        assertTrue(mail.html().startsWith("<!DOCTYPE html><html lang=\"ko\">"), mail.html());
    }

    @Test
    void namesAreEscapedInHtmlAndMessagesRenderedLikeTheApp() {
        MissedMessagesMail mail = render(email(Locale.ENGLISH, List.of("Minji"), 1, "<i>x</i> see https://example.com/a?b=1&c=2"));
        assertFalse(mail.html().contains("<b>"), "the room name's markup is escaped");
        assertTrue(mail.html().contains("Team &lt;b&gt;"), mail.html());
        assertTrue(mail.html().contains("&lt;i&gt;x&lt;/i&gt;"), mail.html());
        assertTrue(mail.html().contains("<a href=\"https://example.com/a?b=1&amp;c=2\""), mail.html());
        assertTrue(mail.text().contains("<i>x</i> see https://example.com/a?b=1&c=2"), "plain text is the text as typed");
    }

    @Test
    void linksPointAtTheConfiguredAddress() {
        MissedMessagesMail mail = render(email(Locale.ENGLISH, List.of("Minji"), 1, "hi"));
        assertEquals(URI.create("https://chat.example.com/rooms/10"), mail.roomLink());
        assertEquals(URI.create("https://chat.example.com/unsubscribe?token=2.10.signature"), mail.unsubscribePage());
        assertEquals(URI.create("https://chat.example.com/api/notifications/unsubscribe?token=2.10.signature"),
                mail.oneClickUnsubscribe());
        assertTrue(mail.text().contains("https://chat.example.com/rooms/10"));
    }

    @Test
    void beyondTheShownMessagesItSaysHowManyMore() {
        MissedMessagesMail mail = render(email(Locale.ENGLISH, List.of("Minji"), 25, "a", "b"));
        assertTrue(mail.text().contains("\u2026and 23 more"), mail.text());
        assertTrue(mail.html().contains("\u2026and 23 more"), mail.html());
    }

    @Test
    void aSubjectStaysOneLineWhateverANameHolds() {
        MissedMessagesEmail sneaky = new MissedMessagesEmail(5, "joon@example.com", "Joon", Locale.ENGLISH, 10,
                "Team\r\nBcc: victim@example.com", List.of(), 1, List.of("Min\nji"), 1, "t", List.of(), Map.of(), List.of(), false);
        String subject = render(sneaky).subject();
        assertFalse(subject.contains("\n") || subject.contains("\r"), subject);
        assertEquals("New message in \u201cTeam Bcc: victim@example.com\u201d from Min ji", subject);
    }
}
