package dev.daehwa.it.notification;

import static dev.daehwa.it.notification.Notified.assertNoEmail;
import static dev.daehwa.it.notification.Notified.exactlyOneEmail;
import static dev.daehwa.it.support.Jsons.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.AddressConfirmation;
import dev.daehwa.it.support.Agent;
import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.DaehwaServer;
import dev.daehwa.it.support.Pause;
import dev.daehwa.it.support.ReceivedEmail;
import dev.daehwa.it.support.Response;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Confirming an address by its link, end to end through a real SMTP server: only confirmed
 * addresses are notified, a change of address starts over, links are single-use and expire, and
 * only a confirmed address is refused to another account.
 */
@DaehwaIT
class EmailConfirmationIT {

    @Test
    void aNewAddressIsNotNotifiedUntilItsOwnerConfirmsItOnThePageTheLinkOpens(App app) {
        ChatUser minji = app.newConfirmedUser("confirms");
        ChatUser joon = app.newUser("confirms");
        joon.chooseEmail("immediate");
        long room = minji.createRoomId(joon);
        assertFalse(me(joon).getBoolean("emailConfirmed"));

        ReceivedEmail email = app.mail().awaitConfirmationsTo(joon.email(), 1, AddressConfirmation.ARRIVAL_TIMEOUT).getFirst();
        URI link = AddressConfirmation.linkIn(email);
        assertTrue(link.toString().startsWith(app.base().resolve("confirm-email?token=").toString()), link.toString());
        assertTrue(email.text().contains(link.toString()) && email.text().contains(joon.username()), email.text());
        assertTrue(email.partTypes().get(1).startsWith("text/html"), email.partTypes().toString());

        minji.send(room, "sent before the address was confirmed");
        Pause.of(Notified.QUIET_PERIOD);
        assertNoEmail(app.mail(), joon);

        Agent scanner = app.anonymous();
        Response page = scanner.exchange(HttpRequest.newBuilder(link).header("Accept", "text/html").GET().build());
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains(joon.email()), "the page names the address");
        assertFalse(me(joon).getBoolean("emailConfirmed"), "opening the link (as a mail scanner does) confirms nothing");

        Response done = AddressConfirmation.press(scanner.withoutCsrfHeader(), link, page);
        assertEquals(200, done.status(), done::toString);
        assertTrue(Jsoup.parse(done.body()).select("#confirm-state").text().contains("is confirmed"), done.body());
        assertTrue(me(joon).getBoolean("emailConfirmed"));

        minji.send(room, "sent after the address was confirmed");
        assertTrue(exactlyOneEmail(app.mail(), joon).text().contains("sent after the address was confirmed"));

        // A link works once.
        confirmByApi(app, tokenOf(link)).problem(400);
        Response used = AddressConfirmation.open(app.anonymous(), link);
        assertEquals(400, used.status(), used::toString);
        assertFalse(Jsoup.parse(used.body()).select("#confirm-refusal").text().isBlank(), used.body());
        assertTrue(Jsoup.parse(used.body()).select("#confirm-form").isEmpty(), "no button for a used link");
    }

    @Test
    void aChangedAddressIsUnconfirmedAgainAndTheOldOneIsReleased(App app) {
        ChatUser minji = app.newConfirmedUser("change");
        ChatUser joon = app.newConfirmedUser("change");
        joon.chooseEmail("immediate");
        long room = minji.createRoomId(joon);
        String oldAddress = joon.email();
        String newAddress = "new-" + joon.email();

        JsonObject changed = afterCooldown(() -> joon.agent().put("api/auth/me/email", object("email", newAddress)))
                .expect(200).json();
        assertEquals(newAddress, changed.getString("email"));
        assertFalse(changed.getBoolean("emailConfirmed"));
        URI link = AddressConfirmation.link(app, newAddress, 1);

        minji.send(room, "while the new address is unconfirmed");
        Pause.of(Notified.QUIET_PERIOD);
        assertEquals(List.of(), app.mail().emailsTo(newAddress));
        assertEquals(List.of(), app.mail().emailsTo(oldAddress), "the old address is not the account's any more");

        app.anonymous().post("api/auth/register", object("username", App.uniqueUsername("taker"),
                "password", App.PASSWORD, "email", oldAddress)).expect(201);

        JsonObject confirmed = confirmByApi(app, tokenOf(link)).expect(200).json();
        assertEquals(newAddress, confirmed.getString("email"));
        assertTrue(me(joon).getBoolean("emailConfirmed"));
        minji.send(room, "to the confirmed new address");
        app.mail().awaitEmailsTo(newAddress, 1, Duration.ofSeconds(30));
    }

    @Test
    void theProfileCanSendTheLinkAgainWhichReplacesTheFirst(App app) {
        ChatUser joon = app.newUser("resend");
        Response tooSoon = joon.agent().post("api/auth/me/email/confirmation");
        tooSoon.problem(429);
        assertTrue(tooSoon.header("Retry-After").isPresent(), tooSoon::toString);
        URI first = AddressConfirmation.link(app, joon.email(), 1);

        afterCooldown(() -> joon.agent().post("api/auth/me/email/confirmation")).expect(202);
        URI second = AddressConfirmation.link(app, joon.email(), 2);
        assertFalse(first.equals(second));

        Response stale = AddressConfirmation.open(app.anonymous(), first);
        assertEquals(400, stale.status(), "the replaced link shows a client error page");
        assertTrue(Jsoup.parse(stale.body()).select("#confirm-refusal").text().contains("not valid"), stale.body());
        assertFalse(me(joon).getBoolean("emailConfirmed"));

        assertEquals(200, AddressConfirmation.follow(app, second).status());
        assertTrue(me(joon).getBoolean("emailConfirmed"));
        afterCooldown(() -> joon.agent().post("api/auth/me/email/confirmation")).problem(409);
    }

    @Test
    void anExpiredOrMadeUpLinkIsAClearClientError(App app) {
        ChatUser joon = app.newUser("expires");
        URI link = AddressConfirmation.link(app, joon.email(), 1);
        Instant arrived = Instant.now();
        assertEquals(200, AddressConfirmation.open(app.anonymous(), link).status(), "the link works before it expires");

        JsonObject madeUp = confirmByApi(app, "not-a-token").problem(400);
        assertEquals("confirmation-invalid", codeOf(madeUp), madeUp.toString());
        Response madeUpPage = app.anonymous().exchange(HttpRequest.newBuilder(app.base().resolve("confirm-email?token=nope"))
                .header("Accept", "text/html").GET().build());
        assertEquals(400, madeUpPage.status());
        assertFalse(Jsoup.parse(madeUpPage.body()).select("#confirm-refusal").text().isBlank(), madeUpPage.body());
        confirmByApi(app, null).problem(400);

        // The link's lifetime counts from when its email was written, before it arrived: by a
        // second after arrival plus the lifetime it has expired. Opening its page changes nothing.
        Duration lifetimeLeft = DaehwaServer.CONFIRMATION_LINK_LIFETIME.plusSeconds(1)
                .minus(Duration.between(arrived, Instant.now()));
        Pause.until(lifetimeLeft, Duration.ofMillis(250),
                () -> AddressConfirmation.open(app.anonymous(), link).status() != 200);
        JsonObject expired = confirmByApi(app, tokenOf(link)).problem(400);
        assertEquals("confirmation-expired", codeOf(expired), expired.toString());
        Response page = app.anonymous().exchange(HttpRequest.newBuilder(link).header("Accept", "text/html").GET().build());
        assertEquals(400, page.status());
        assertTrue(Jsoup.parse(page.body()).select("#confirm-refusal").text().contains("expired"), page.body());
        assertFalse(me(joon).getBoolean("emailConfirmed"));
    }

    @Test
    void anAddressAnotherAccountConfirmedIsRefusedButAnUnconfirmedOneBlocksNobody(App app) {
        ChatUser alice = app.newConfirmedUser("owner");
        app.anonymous().post("api/auth/register", object("username", App.uniqueUsername("thief"),
                "password", App.PASSWORD, "email", alice.email().toUpperCase(java.util.Locale.ROOT))).problem(409);
        ChatUser bob = app.newUser("thief");
        afterCooldown(() -> bob.agent().put("api/auth/me/email", object("email", alice.email()))).problem(409);

        // Someone registers with an address they cannot read; its owner registers and confirms.
        ChatUser squatter = app.newUser("squat");
        String address = squatter.email();
        Agent owner = app.anonymous();
        String ownerName = App.uniqueUsername("realowner");
        owner.post("api/auth/register", object("username", ownerName, "password", App.PASSWORD, "email", address))
                .expect(201);
        List<ReceivedEmail> links = app.mail().awaitConfirmationsTo(address, 2, AddressConfirmation.ARRIVAL_TIMEOUT);
        URI ownersLink = linkFor(links, ownerName);
        URI squattersLink = linkFor(links, squatter.username());

        assertEquals(200, AddressConfirmation.follow(app, ownersLink).status());
        owner.post("api/auth/login", object("username", ownerName, "password", App.PASSWORD)).expect(200);
        assertTrue(owner.get("api/auth/me").expect(200).json().getBoolean("emailConfirmed"));
        // Now the address is the owner's: the other link is refused and leaves it unconfirmed there.
        confirmByApi(app, tokenOf(squattersLink)).problem(409);
        assertFalse(me(squatter).getBoolean("emailConfirmed"));
    }

    private static URI linkFor(List<ReceivedEmail> emails, String username) {
        return emails.stream().filter(email -> email.text().contains(username)).map(AddressConfirmation::linkIn)
                .findFirst().orElseThrow(() -> new AssertionError("no confirmation email for " + username));
    }

    /**
     * Sends the request until it is not refused for the cooldown between two confirmation emails
     * (a minute, 1.2 s at the tests' time scale, from the last one), and returns the first answer
     * that is not: a refused request changes nothing, and the cooldown has passed within 1.5 s.
     */
    private static Response afterCooldown(Supplier<Response> request) {
        long deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        Response answer = request.get();
        while (answer.status() == 429 && System.nanoTime() < deadline) {
            Pause.of(Duration.ofMillis(100));
            answer = request.get();
        }
        return answer;
    }

    private static Response confirmByApi(App app, String token) {
        return app.anonymous().post("api/auth/email-confirmation",
                token == null ? object() : object("token", token));
    }

    private static String tokenOf(URI link) {
        String query = link.getRawQuery();
        return URLDecoder.decode(query.substring(query.indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
    }

    private static String codeOf(JsonObject problem) {
        return problem.getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                .map(error -> error.getString("code", "")).findFirst().orElse("");
    }

    private static JsonObject me(ChatUser user) {
        return user.agent().get("api/auth/me").expect(200).json();
    }
}
