package dev.daehwa.it.notification;

import static dev.daehwa.it.notification.Notified.assertNoEmail;
import static dev.daehwa.it.notification.Notified.exactlyOneEmail;
import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Pause;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.MailServer;
import dev.daehwa.it.support.ReceivedEmail;
import dev.daehwa.it.support.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Notification emails end to end: messages posted over the API, the app's worker, a real SMTP
 * server (GreenMail) receiving them. Each test has its own users, so emails never cross tests.
 */
@DaehwaIT
class EmailNotificationIT {

    @Test
    void anUnreadMessageIsEmailedOnceAfterTheDelayWithBothPartsAndWorkingLinks(App app) {
        MailServer mail = app.mail();
        ChatUser minji = app.newConfirmedUser("mailer");
        ChatUser joon = app.newConfirmedUser("reader");
        joon.chooseEmail("2m");
        long room = Jsons.id(minji.createRoom("Team 팀", joon));

        long beforeSend = System.nanoTime();
        minji.send(room, "Lunch at <b>noon</b>? Menu: https://example.com/menu?a=1&b=2");
        // Held back for the delay (2.4 s here): the recipient may still read it. The message was
        // written after beforeSend, so an email seen sooner than 2.4 s after it came early.
        mail.awaitEmailsTo(joon.email(), 1, Notified.ARRIVAL_TIMEOUT);
        Duration seenAfter = Duration.ofNanos(System.nanoTime() - beforeSend);
        assertTrue(seenAfter.compareTo(Duration.ofMillis(2400)) >= 0, "emailed " + seenAfter.toMillis()
                + " ms after the message, before the delay of 2.4 s");
        ReceivedEmail email = exactlyOneEmail(mail, joon);

        assertEquals(List.of(joon.email()), email.to());
        assertTrue(email.subject().contains("Team 팀") && email.subject().contains(minji.displayName()), email.subject());
        assertTrue(email.contentType().startsWith("multipart/alternative"), email.contentType());
        assertEquals(2, email.partTypes().size());
        assertTrue(email.partTypes().get(0).startsWith("text/plain") && email.partTypes().get(1).startsWith("text/html"),
                "plain text first, HTML last (preferred): " + email.partTypes());
        assertTrue(email.text().contains("Lunch at <b>noon</b>? Menu: https://example.com/menu?a=1&b=2"), email.text());
        assertTrue(email.messageId().matches("<notification-\\d+\\.[0-9a-f]{12}@127\\.0\\.0\\.1>"), email.messageId());

        Document html = Jsoup.parse(email.html());
        Element message = html.select("div > div:contains(Lunch)").last();
        assertEquals("Lunch at <b>noon</b>? Menu: https://example.com/menu?a=1&b=2", message.text());
        assertTrue(html.select("b").isEmpty(), "the message's markup is shown, not applied");
        assertEquals(1, message.select("a[href=https://example.com/menu?a=1&b=2]").size(), "links are clickable");

        URI roomLink = URI.create(html.select("a[href$=/rooms/" + room + "]").attr("href"));
        assertEquals(app.base().resolve("rooms/" + room), roomLink);
        Response roomPage = joon.agent().exchange(HttpRequest.newBuilder(roomLink).header("Accept", "text/html").build());
        assertEquals(200, roomPage.status());
        assertTrue(roomPage.body().contains("Team 팀"));

        URI unsubscribePage = URI.create(html.select("a[href*=unsubscribe?token=]").attr("href"));
        Response page = app.anonymous().exchange(HttpRequest.newBuilder(unsubscribePage).header("Accept", "text/html").build());
        assertEquals(200, page.status(), "no login needed");
        assertTrue(Jsoup.parse(page.body()).select("#unsubscribe-form\\:room").size() == 1, page.body());
        assertTrue(mutedRooms(joon).isEmpty(), "opening the page changes nothing");

        assertEquals("List-Unsubscribe=One-Click", email.listUnsubscribePost());
        URI oneClick = URI.create(email.listUnsubscribe().replaceAll("^<|>$", ""));
        Response done = app.anonymous().withoutCsrfHeader().exchange(HttpRequest.newBuilder(oneClick)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
        assertEquals(200, done.status(), done.body());
        assertEquals(List.of(room), mutedRooms(joon), "one click, no login, muted the room");
    }

    @Test
    void aMemberWhoReadsBeforeTheDelayGetsNoEmail(App app) {
        ChatUser minji = app.newConfirmedUser("mailer");
        ChatUser joon = app.newConfirmedUser("quick");
        ChatUser sora = app.newConfirmedUser("slow");
        joon.chooseEmail("2m");
        sora.chooseEmail("2m");
        long room = minji.createRoomId(joon, sora);

        long seq = minji.send(room, "standup in 5").getJsonNumber("seq").longValue();
        joon.agent().post("api/rooms/" + room + "/read", object("seq", seq)).expect(204);

        exactlyOneEmail(app.mail(), sora); // the worker did run: the one who did not read is emailed
        assertNoEmail(app.mail(), joon);
    }

    /**
     * The delay counts from the oldest message still unread, not from the first message of the
     * batch: someone reading along is not emailed about a message that came in just before the
     * batch fell due. "15m" is 18 s here; the second message comes 10 s after the first.
     */
    @Test
    void theDelayCountsFromTheOldestUnreadMessageSoReadersAlongAreNotEmailed(App app) {
        Assumptions.assumeTrue("h2".equals(app.database()), "half a minute of waiting: the H2 pass only");
        ChatUser minji = app.newConfirmedUser("mailer");
        ChatUser joon = app.newConfirmedUser("along");
        ChatUser sora = app.newConfirmedUser("later");
        joon.chooseEmail("15m");
        sora.chooseEmail("15m");
        long room = minji.createRoomId(joon, sora);

        // Waited out in real time: the black-box server's clock cannot be moved from the test, and
        // Joon's read must fall between the two due times, 18 s and 28 s after the first message.
        Instant start = Instant.now();
        long first = minji.send(room, "first, read at once").getJsonNumber("seq").longValue();
        joon.agent().post("api/rooms/" + room + "/read", object("seq", first)).expect(204);
        sora.agent().post("api/rooms/" + room + "/read", object("seq", first)).expect(204);
        Pause.of(Duration.ofSeconds(10).minus(Duration.between(start, Instant.now())));
        long second = minji.send(room, "second, 10 s later").getJsonNumber("seq").longValue();
        // The batch falls due at 18 s; Joon reads the second message at 20 s, before it is 18 s old.
        Pause.of(Duration.ofSeconds(20).minus(Duration.between(start, Instant.now())));
        joon.agent().post("api/rooms/" + room + "/read", object("seq", second)).expect(204);

        ReceivedEmail soras = exactlyOneEmail(app.mail(), sora);
        assertTrue(soras.text().contains("second, 10 s later") && !soras.text().contains("first, read at once"));
        // Without the rule, Joon's email would have gone at 18 s with the second message in it.
        assertNoEmail(app.mail(), joon);
    }

    @Test
    void messagesWithinTheDelayMakeOneEmailWithAllOfThem(App app) {
        ChatUser minji = app.newConfirmedUser("mailer");
        ChatUser joon = app.newConfirmedUser("reader");
        joon.chooseEmail("2m");
        long room = minji.createRoomId(joon);
        List<String> sent = List.of("one 하나", "two 둘", "three 셋");
        sent.forEach(text -> minji.send(room, text));

        ReceivedEmail email = exactlyOneEmail(app.mail(), joon);
        assertTrue(email.subject().startsWith("3 new messages"), email.subject());
        Document html = Jsoup.parse(email.html());
        sent.forEach(text -> {
            assertTrue(email.text().contains(text), email.text());
            assertEquals(1, html.select("div > div > p:containsOwn(" + text + ")").size(), email.html());
        });
    }

    @Test
    void mutedRoomsNeverAndTheSenderGetNothing(App app) {
        ChatUser minji = app.newConfirmedUser("sender");
        ChatUser muted = app.newConfirmedUser("muted");
        ChatUser never = app.newConfirmedUser("never");
        ChatUser control = app.newConfirmedUser("control");
        long room = minji.createRoomId(muted, never, control);
        minji.chooseEmail("immediate");
        muted.chooseEmail("immediate", room);
        never.chooseEmail("never");
        control.chooseEmail("immediate");

        minji.send(room, "anyone?");
        exactlyOneEmail(app.mail(), control);
        assertNoEmail(app.mail(), minji, muted, never);
    }

    @Test
    void aLaterEmailNeverRepeatsWhatAnEarlierOneCarried(App app) {
        ChatUser minji = app.newConfirmedUser("mailer");
        ChatUser joon = app.newConfirmedUser("reader");
        joon.chooseEmail("immediate");
        long room = minji.createRoomId(joon);

        minji.send(room, "first message");
        ReceivedEmail first = exactlyOneEmail(app.mail(), joon);
        minji.send(room, "second message");
        List<ReceivedEmail> both = app.mail().awaitEmailsTo(joon.email(), 2, Notified.ARRIVAL_TIMEOUT);
        ReceivedEmail second = both.get(1);

        assertTrue(first.text().contains("first message"));
        assertTrue(second.text().contains("second message"));
        assertFalse(second.text().contains("first message"), "already emailed, though still unread");
        assertNotEquals(first.messageId(), second.messageId());
    }

    @Test
    void aLongBacklogShowsTwentyMessagesAndCountsTheRest(App app) {
        ChatUser minji = app.newConfirmedUser("mailer");
        ChatUser joon = app.newConfirmedUser("reader");
        joon.chooseEmail("never");
        long room = minji.createRoomId(joon);
        IntStream.rangeClosed(1, 24).forEach(i -> minji.send(room, "backlog " + i));
        joon.chooseEmail("immediate");
        minji.send(room, "backlog 25");

        ReceivedEmail email = exactlyOneEmail(app.mail(), joon);
        assertTrue(email.subject().startsWith("25 new messages"), email.subject());
        Document html = Jsoup.parse(email.html());
        assertEquals(20, html.select("div > div > p:matchesOwn(^backlog \\d+$)").size());
        assertTrue(html.text().contains("and 5 more"), html.text());
        assertTrue(email.text().contains("backlog 20") && !email.text().contains("backlog 21"), email.text());
    }

    @Test
    void theEmailSpeaksTheLanguageTheRecipientLastUsed(App app) {
        ChatUser minji = app.newConfirmedUser("mailer");
        ChatUser joon = app.newConfirmedUser("korean");
        joon.agent().exchange(HttpRequest.newBuilder(joon.agent().uri("api/auth/login"))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.5")
                .POST(HttpRequest.BodyPublishers.ofString(
                        object("username", joon.username(), "password", App.PASSWORD).toString()))
                .build()).expect(200);
        joon.chooseEmail("immediate");
        long room = Jsons.id(minji.createRoom("점심", joon));
        minji.send(room, "점심 뭐 먹을까요?");

        ReceivedEmail email = exactlyOneEmail(app.mail(), joon);
        assertTrue(email.subject().contains("새 메시지") && email.subject().contains("점심"), email.subject());
        assertTrue(email.text().contains("읽지 않은 메시지"), email.text());
        assertEquals("ko", Jsoup.parse(email.html()).select("html").attr("lang"));
    }

    @Test
    void markupInNamesAndMessagesIsInertInTheEmail(App app) {
        List<String> payloads = List.of(
                "<script>alert('서울')</script>",
                "<img src=x onerror=alert(1)> 서울",
                "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                "<a href=\"javascript:alert(1)\">click</a>",
                "javascript:alert(1) and https://example.com/\"><svg onload=alert(1)>",
                "'';!--\"<XSS>=&{()}");
        ChatUser minji = app.newConfirmedUser(App.uniqueUsername("xss"), "<script>alert('name')</script>");
        ChatUser joon = app.newConfirmedUser("reader");
        joon.chooseEmail("2m");
        String roomName = "<img src=x onerror=alert('room')>";
        long room = Jsons.id(minji.createRoom(roomName, joon));
        payloads.forEach(text -> minji.send(room, text));

        ReceivedEmail email = exactlyOneEmail(app.mail(), joon);
        assertTrue(email.subject().contains(roomName), "the subject is plain text: " + email.subject());
        Document html = Jsoup.parse(email.html());
        assertTrue(html.select("script, img, iframe, svg, object, embed, style, form").isEmpty(), email.html());
        assertTrue(html.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                .noneMatch(a -> a.getKey().startsWith("on")), "no event handler attributes");
        assertTrue(html.select("a").stream().allMatch(a -> a.attr("href").startsWith("http")), "only http(s) links");
        assertTrue(html.text().contains(roomName), "names read as typed");
        assertTrue(html.text().contains("<script>alert('name')</script>"));
        payloads.forEach(text -> assertTrue(html.select("div > div").stream().anyMatch(div -> div.text().equals(text)),
                "message reads exactly as typed: " + text));
    }

    @Test
    void unsubscribeRefusesTokensTheServerDidNotSign(App app) {
        ChatUser minji = app.newConfirmedUser("mailer");
        ChatUser joon = app.newConfirmedUser("reader");
        joon.chooseEmail("immediate");
        long room = minji.createRoomId(joon);
        minji.send(room, "hi");
        ReceivedEmail email = exactlyOneEmail(app.mail(), joon);
        String token = email.listUnsubscribe().replaceAll("^.*token=|>$", "");
        String[] parts = token.split("\\.");
        String forged = minji.id() + "." + parts[1] + "." + parts[2]; // someone else's id, joon's signature

        for (String bad : List.of(forged, "", "1.2.3", parts[0] + "." + parts[1] + "." + "A".repeat(43))) {
            app.anonymous().withoutCsrfHeader().post("api/notifications/unsubscribe?token=" + bad)
                    .validationProblem("token");
        }
        app.anonymous().withoutCsrfHeader().post("api/notifications/unsubscribe").validationProblem("token");
        Response page = app.anonymous().exchange(HttpRequest.newBuilder(app.base().resolve("unsubscribe?token=" + forged))
                .header("Accept", "text/html").build());
        assertEquals(200, page.status());
        assertFalse(Jsoup.parse(page.body()).select("#unsubscribe-refusal").isEmpty(), page.body());
        assertTrue(mutedRooms(joon).isEmpty());
        assertTrue(mutedRooms(minji).isEmpty());
    }

    private static List<Long> mutedRooms(ChatUser user) {
        return user.agent().get("api/auth/me/notifications").expect(200).json().getJsonArray("mutedRooms")
                .getValuesAs(jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::longValue).toList();
    }
}
