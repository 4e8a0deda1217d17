package dev.daehwa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.DaehwaIT;
import dev.daehwa.it.support.Response;
import org.junit.jupiter.api.Test;

/** What operators and API clients use: the health check, and the OpenAPI document at the server root. */
@DaehwaIT
class OperationsIT {

    @Test
    void healthIsUpWithTheDatabase(App app) {
        Response health = app.anonymous().get("health");

        assertEquals("UP", health.expect(200).json().getString("status"), health::toString);
    }

    @Test
    void openApiDocumentsTheRestContract(App app) {
        Response openapi = app.anonymous().exchange(HttpRequest.newBuilder(app.serverRoot().resolve("openapi"))
                .header("Accept", "application/yaml, application/json, text/plain, */*")
                .GET().build());

        String document = openapi.expect(200).body();
        for (String path : new String[] {"/api/rooms", "/api/messages", "/api/auth/login", "/api/auth/tokens", "/api/users",
                "/api/messages/{id}/reactions/{emoji}", "/api/rooms/{id}/files", "/api/files/{id}"}) {
            assertTrue(document.contains(path), () -> "OpenAPI does not mention " + path + ":\n" + document);
        }
        assertTrue(document.contains("openapi"), "not an OpenAPI document");
        assertTrue(document.contains("ReplyToJson") && document.contains("replyTo"),
                () -> "OpenAPI does not describe replies:\n" + document);
    }
}
