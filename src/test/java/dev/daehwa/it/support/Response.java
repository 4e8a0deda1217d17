package dev.daehwa.it.support;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/** An HTTP answer with assertions that print the request and the body when they fail. */
public final class Response {

    private final String request;
    private final int status;
    private final HttpHeaders headers;
    private final String body;
    private final byte[] bytes;

    public Response(String request, int status, HttpHeaders headers, String body) {
        this(request, status, headers, body, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** An answer whose body may not be text (a downloaded file): {@link #bytes()} has it as sent. */
    public Response(String request, int status, HttpHeaders headers, String body, byte[] bytes) {
        this.request = request;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.bytes = bytes;
    }

    /** The same answer, with failure messages that start with this description (e.g. a test case's name). */
    public Response describedAs(String description) {
        return new Response(description + ": " + request, status, headers, body, bytes);
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    /** The body's bytes exactly as they came. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public List<String> headers(String name) {
        return headers.allValues(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** Asserts the status and returns this for chaining. */
    public Response expect(int expected) {
        if (status != expected) {
            fail("expected HTTP " + expected + " but got " + this);
        }
        return this;
    }

    /** Asserts one of the statuses and returns this for chaining. */
    public Response expectOneOf(Integer... expected) {
        if (!Set.of(expected).contains(status)) {
            fail("expected HTTP one of " + List.of(expected) + " but got " + this);
        }
        return this;
    }

    public JsonObject json() {
        return structure().asJsonObject();
    }

    public JsonArray jsonArray() {
        return structure().asJsonArray();
    }

    private JsonStructure structure() {
        try {
            return Jsons.parse(body);
        } catch (JsonException e) {
            return fail("body is not JSON: " + this, e);
        }
    }

    /**
     * Asserts an RFC 9457 problem with this status: {@code application/problem+json} carrying
     * {@code type}, {@code title}, {@code status} and {@code detail}.
     */
    public JsonObject problem(int expected) {
        expect(expected);
        assertTrue(contentType().startsWith("application/problem+json"),
                () -> "expected application/problem+json but got " + this);
        JsonObject problem = json();
        assertAll("problem fields of " + this,
                () -> assertEquals(JsonValue.ValueType.STRING, typeOf(problem, "type"), "type"),
                () -> assertEquals(JsonValue.ValueType.STRING, typeOf(problem, "title"), "title"),
                () -> assertFalse(problem.getString("title", "").isBlank(), "title is blank"),
                () -> assertEquals(expected, problem.getInt("status", -1), "status"),
                () -> assertEquals(JsonValue.ValueType.STRING, typeOf(problem, "detail"), "detail"));
        return problem;
    }

    /** A validation problem (400) whose {@code errors} name this field. */
    public JsonObject validationProblem(String field) {
        JsonObject problem = problem(400);
        assertTrue(problem.containsKey("errors") && problem.get("errors").getValueType() == JsonValue.ValueType.ARRAY,
                () -> "expected an errors list in " + this);
        List<String> fields = problem.getJsonArray("errors").stream()
                .map(JsonValue::asJsonObject)
                .peek(error -> assertEquals(JsonValue.ValueType.STRING, typeOf(error, "message"), "message in " + error))
                .map(error -> error.getString("field", null))
                .toList();
        assertTrue(fields.contains(field), () -> "expected an error for field '" + field + "' but got " + fields + " in " + this);
        return problem;
    }

    /** The response header the app adds when DAEHWA_SQL_STATEMENT_HEADER is on. */
    public int sqlStatements() {
        String value = header("X-Daehwa-Sql-Statements")
                .orElseGet(() -> fail("no X-Daehwa-Sql-Statements header on " + this));
        return Integer.parseInt(value.trim());
    }

    /** The rows those statements returned, in the header beside it. */
    public int sqlRows() {
        String value = header("X-Daehwa-Sql-Rows").orElseGet(() -> fail("no X-Daehwa-Sql-Rows header on " + this));
        return Integer.parseInt(value.trim());
    }

    /** The statements among them that locked rows (SELECT ... FOR UPDATE), in the header beside it. */
    public int sqlLocks() {
        String value = header("X-Daehwa-Sql-Locks").orElseGet(() -> fail("no X-Daehwa-Sql-Locks header on " + this));
        return Integer.parseInt(value.trim());
    }

    /**
     * The count a page reports at its very end (a page's headers leave before it has rendered,
     * so pages cannot use the header): {@code <span id="sql-statements" hidden>N</span>}.
     */
    public int pageSqlStatements() {
        java.util.regex.Matcher count = java.util.regex.Pattern
                .compile("<span id=\"sql-statements\"[^>]*>(\\d+)</span>").matcher(body);
        if (!count.find()) {
            return fail("no sql-statements element in the page " + this);
        }
        return Integer.parseInt(count.group(1));
    }

    private static JsonValue.ValueType typeOf(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value == null ? null : value.getValueType();
    }

    @Override
    public String toString() {
        String shown = body.length() > 2000 ? body.substring(0, 2000) + "…(" + body.length() + " chars)" : body;
        return "HTTP " + status + " for " + request + " [" + contentType() + "] " + shown;
    }
}
