package dev.daehwa.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Confirms a user's address the way its owner does: reads the newest confirmation email from the
 * SMTP server, opens its link (a page that asks) and presses the page's button, which posts the
 * page's form with its view state, as a browser would.
 */
public final class AddressConfirmation {

    /** Generous next to the notification worker's one-second pass. */
    public static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CSP_NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    private AddressConfirmation() {
    }

    /** The link of the {@code nth} confirmation email (1 = the first) to this address, once it has arrived. */
    public static URI link(App app, String address, int nth) {
        ReceivedEmail email = app.mail().awaitConfirmationsTo(address, nth, ARRIVAL_TIMEOUT).get(nth - 1);
        return linkIn(email);
    }

    public static URI linkIn(ReceivedEmail email) {
        String href = Jsoup.parse(email.html()).select("a[href*=confirm-email?token=]").attr("href");
        assertTrue(!href.isEmpty(), "no confirmation link in " + email.html());
        return URI.create(href);
    }

    /** Waits for the user's first confirmation email and confirms with it. */
    public static void confirm(App app, ChatUser user) {
        Response done = follow(app, link(app, user.email(), 1));
        assertEquals(200, done.status(), done::toString);
        assertTrue(user.agent().get("api/auth/me").expect(200).json().getBoolean("emailConfirmed"),
                "confirmed after pressing the button");
    }

    /** Opens the link's page without a login and presses its button; returns the page that answers. */
    public static Response follow(App app, URI link) {
        Agent browser = app.anonymous().withoutCsrfHeader();
        Response page = open(browser, link);
        assertEquals(200, page.status(), page::toString);
        return press(browser, link, page);
    }

    /** Only opens the link's page, as a mail scanner or a person reading it first does. */
    public static Response open(Agent browser, URI link) {
        return browser.exchange(HttpRequest.newBuilder(link).header("Accept", "text/html").GET().build());
    }

    /** Posts the confirmation page's form as its button would. */
    public static Response press(Agent browser, URI pageUri, Response page) {
        Document html = Jsoup.parse(page.body(), pageUri.toString());
        Element form = html.getElementById("confirm-form");
        assertTrue(form != null, "no confirmation form on " + page.body());
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        Element button = form.getElementById("confirm-form:confirm");
        fields.put(button.attr("name"), button.hasAttr("value") ? button.attr("value") : "");
        // What PrimeFaces' script adds to every form of a page with a CSP nonce.
        Matcher nonce = CSP_NONCE.matcher(page.body());
        if (nonce.find()) {
            fields.put("primefaces.nonce", nonce.group(1));
        }
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        URI action = URI.create(form.absUrl("action"));
        return browser.exchange(HttpRequest.newBuilder(action)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
