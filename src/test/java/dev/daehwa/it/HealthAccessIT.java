package dev.daehwa.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.DaehwaServer;
import dev.daehwa.it.support.Response;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who sees what in /health: anyone sees UP/DOWN and the names of the checks; the details (node
 * names, queue counts, error text) only a caller on the server's machine or one with the
 * configured secret. The test server trusts loopback as a proxy, so a request with
 * X-Forwarded-For is a remote client's, forwarded.
 */
@DaehwaIT
class HealthAccessIT {

    private static final String REMOTE = "203.0.113.7";

    @Test
    void aRemoteCallerWithoutTheSecretSeesTheStatusAndTheCheckNamesOnly(App app) {
        for (String path : List.of("health", "health/ready", "health/live")) {
            JsonObject health = get(app, app.base().resolve(path), REMOTE, null).expect(200).json();
            assertEquals("UP", health.getString("status"), path);
            List<JsonObject> checks = checks(health);
            assertFalse(checks.isEmpty(), path + " lists its checks");
            assertAll(checks.stream().map(check -> () -> {
                assertEquals(List.of("name", "status"), List.copyOf(check.keySet()), path + ": " + check);
                assertEquals("UP", check.getString("status"));
            }));
        }
        List<String> names = checks(get(app, app.base().resolve("health"), REMOTE, null).json()).stream()
                .map(check -> check.getString("name")).toList();
        assertTrue(names.containsAll(List.of("database", "email", "search", "cluster")), names.toString());
        assertEquals(1, names.stream().filter("database"::equals).count(), "each check once: " + names);
    }

    @Test
    void theSecretOrALocalAddressShowsTheDetails(App app) {
        JsonObject withSecret = get(app, app.base().resolve("health"), REMOTE, "Bearer " + DaehwaServer.HEALTH_SECRET)
                .expect(200).json();
        JsonObject local = get(app, app.base().resolve("health"), null, null).expect(200).json();
        for (JsonObject health : List.of(withSecret, local)) {
            JsonObject email = check(health, "email");
            assertEquals("on", email.getJsonObject("data").getString("state"), email.toString());
            assertTrue(email.getJsonObject("data").containsKey("pending"), email.toString());
            assertTrue(check(health, "database").getJsonObject("data").containsKey("product"));
        }
    }

    @Test
    void aWrongSecretOrASpoofedLocalAddressShowsNoDetails(App app) {
        for (String authorization : List.of("Bearer wrong", "Bearer " + DaehwaServer.HEALTH_SECRET + "x",
                "Basic " + DaehwaServer.HEALTH_SECRET)) {
            JsonObject health = get(app, app.base().resolve("health"), REMOTE, authorization).expect(200).json();
            assertFalse(check(health, "email").containsKey("data"), authorization);
        }
        // The client wrote "127.0.0.1" itself; the trusted proxy added the address it came from.
        JsonObject spoofed = get(app, app.base().resolve("health"), "127.0.0.1, " + REMOTE, null).expect(200).json();
        assertFalse(check(spoofed, "email").containsKey("data"), spoofed.toString());
    }

    @Test
    void theServersOwnHealthEndpointShowsNothingMore(App app) {
        // At another context root than "/", the server root is not the app's: the server's own
        // MicroProfile Health endpoint there is switched off, so nothing answers with details.
        Response root = get(app, app.serverRoot().resolve("health"), REMOTE, null);
        if (root.status() == 200) {
            checks(root.json()).forEach(check -> assertFalse(check.containsKey("data"), check.toString()));
        } else {
            assertEquals(404, root.status(), root.toString());
        }
        assertEquals(404, get(app, app.base().resolve("health/nothing"), REMOTE, null).status());
    }

    private static Response get(App app, URI uri, String forwardedFor, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        // from(null): no forwarded address of the agent's own, only what this test sends
        return app.anonymous().from(null).exchange(request.build());
    }

    private static List<JsonObject> checks(JsonObject health) {
        return health.getJsonArray("checks").stream().map(JsonValue::asJsonObject).toList();
    }

    private static JsonObject check(JsonObject health, String name) {
        return checks(health).stream().filter(check -> check.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }
}
