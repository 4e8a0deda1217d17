package dev.daehwa.interfaces.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.domain.error.AuthenticationRequiredException;
import dev.daehwa.domain.error.ConflictException;
import dev.daehwa.domain.error.DomainException;
import dev.daehwa.domain.error.FieldError;
import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.domain.error.PermissionDeniedException;
import dev.daehwa.domain.error.TooManyAttemptsException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProblemTest {

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void mediaTypeIsProblemJson() {
        assertEquals("application/problem+json", Problem.MEDIA_TYPE);
    }

    @Test
    void typeUriIsADaehwaUrn() {
        assertEquals("urn:daehwa:problem:csrf", Problem.typeUri("csrf"));
    }

    @Test
    void jsonHasTypeTitleStatusAndDetailOnly() {
        JsonObject json = parse(Problem.of("payload-too-large", "Payload too large", 413,
                "The body may be at most 1 MiB.").toJson());
        assertEquals(Set.of("type", "title", "status", "detail"), json.keySet());
        assertEquals("urn:daehwa:problem:payload-too-large", json.getString("type"));
        assertEquals("Payload too large", json.getString("title"));
        assertEquals(413, json.getInt("status"));
        assertTrue(json.getJsonNumber("status").isIntegral(), "status is a JSON number, not a string");
        assertEquals("The body may be at most 1 MiB.", json.getString("detail"));
    }

    @Test
    void statusOnlyProblemIsAboutBlank() {
        Problem problem = Problem.ofStatus(404, "Not Found", "There is nothing at this address.");
        assertEquals(new Problem("about:blank", "Not Found", 404, "There is nothing at this address.", List.of()),
                problem);
        JsonObject json = parse(problem.toJson());
        assertEquals("about:blank", json.getString("type"));
        assertEquals(404, json.getInt("status"));
        assertFalse(json.containsKey("errors"));
    }

    @Test
    void exactJsonForASimpleProblem() {
        assertEquals("{\"type\":\"urn:daehwa:problem:csrf\",\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"Missing token.\"}",
                Problem.of("csrf", "Forbidden", 403, "Missing token.").toJson());
    }

    @Test
    void validationProblemListsFieldErrorsInOrder() {
        InvalidInputException e = new InvalidInputException(List.of(
                new FieldError("username", "required", "Username is required."),
                new FieldError("password", "too-short", "Password must be at least 8 characters.")));
        JsonObject json = parse(Problem.of(e).toJson());

        assertEquals(Set.of("type", "title", "status", "detail", "errors"), json.keySet());
        assertEquals("urn:daehwa:problem:validation", json.getString("type"));
        assertEquals("Invalid input", json.getString("title"));
        assertEquals(400, json.getInt("status"));
        assertEquals("2 fields are invalid.", json.getString("detail"));
        JsonArray errors = json.getJsonArray("errors");
        assertEquals(2, errors.size());
        assertEquals(Set.of("field", "code", "message"), errors.getJsonObject(0).keySet());
        assertEquals("username", errors.getJsonObject(0).getString("field"));
        assertEquals("required", errors.getJsonObject(0).getString("code"));
        assertEquals("Username is required.", errors.getJsonObject(0).getString("message"));
        assertEquals("password", errors.getJsonObject(1).getString("field"));
        assertEquals("too-short", errors.getJsonObject(1).getString("code"));
        assertEquals("Password must be at least 8 characters.", errors.getJsonObject(1).getString("message"));
    }

    @Test
    void singleFieldErrorIsSummarisedInDetail() {
        JsonObject json = parse(Problem.of(
                InvalidInputException.of(FieldRefusal.CONTENT_REQUIRED, "A message cannot be empty.")).toJson());
        assertEquals("content: A message cannot be empty.", json.getString("detail"));
        assertEquals(1, json.getJsonArray("errors").size());
    }

    @Test
    void emptyErrorListIsLeftOut() {
        JsonObject json = parse(new Problem("about:blank", "Bad Request", 400, "x", List.of()).toJson());
        assertFalse(json.containsKey("errors"));
    }

    static Stream<Arguments> domainExceptions() {
        return Stream.of(
                Arguments.of(AuthenticationRequiredException.badCredentials(),
                        "urn:daehwa:problem:unauthorized", "Unauthorized", 401, "Wrong username or password."),
                Arguments.of(new PermissionDeniedException("Only the sender may edit a message."),
                        "urn:daehwa:problem:forbidden", "Forbidden", 403, "Only the sender may edit a message."),
                Arguments.of(NotFoundException.room(),
                        "urn:daehwa:problem:not-found", "Not found", 404, "No such room."),
                Arguments.of(new ConflictException("The owner cannot leave the room; archive it instead."),
                        "urn:daehwa:problem:conflict", "Conflict", 409,
                        "The owner cannot leave the room; archive it instead."),
                Arguments.of(TooManyAttemptsException.forUsername(Duration.ofSeconds(90)),
                        "urn:daehwa:problem:too-many-attempts", "Too many attempts", 429,
                        "Too many login attempts for this username. Try again in 90 seconds."),
                Arguments.of(TooManyAttemptsException.forMessages(Duration.ofMillis(100)),
                        "urn:daehwa:problem:too-many-attempts", "Too many attempts", 429,
                        "You are sending messages too fast. Try again in 1 second."));
    }

    @ParameterizedTest
    @MethodSource("domainExceptions")
    void domainExceptionsBecomeProblems(DomainException e, String type, String title, int status, String detail) {
        JsonObject json = parse(Problem.of(e).toJson());
        assertEquals(Set.of("type", "title", "status", "detail"), json.keySet());
        assertEquals(type, json.getString("type"));
        assertEquals(title, json.getString("title"));
        assertEquals(status, json.getInt("status"));
        assertEquals(detail, json.getString("detail"));
    }

    @Test
    void aConflictAtOneFieldListsItWithItsCode() {
        JsonObject json = parse(Problem.of(
                new ConflictException("The username 'bob' is taken.", FieldRefusal.USERNAME_TAKEN)).toJson());
        assertEquals("urn:daehwa:problem:conflict", json.getString("type"));
        JsonObject error = json.getJsonArray("errors").getJsonObject(0);
        assertEquals("username", error.getString("field"));
        assertEquals("taken", error.getString("code"));
        assertEquals("The username 'bob' is taken.", error.getString("message"));
    }

    @Test
    void quotesAndControlCharactersInDetailAreEscaped() {
        String detail = "No user named '\"bob\"' \\ here\n</script><b>&amp;</b>\ttab \u0001";
        String raw = Problem.of("not-found", "Not found", 404, detail).toJson();

        assertTrue(raw.contains("\\\"bob\\\""), raw);
        assertTrue(raw.contains("\\\\ here\\n"), raw);
        assertFalse(raw.contains("\n"), "no raw line break in the JSON text");
        assertEquals(detail, parse(raw).getString("detail"), "the detail survives the round trip");
    }

    @Test
    void quotesInFieldErrorsAreEscaped() {
        InvalidInputException e = InvalidInputException.of("na\"me", "co\"de", "Say \"hi\".");
        JsonObject error = parse(Problem.of(e).toJson()).getJsonArray("errors").getJsonObject(0);
        assertEquals("na\"me", error.getString("field"));
        assertEquals("co\"de", error.getString("code"));
        assertEquals("Say \"hi\".", error.getString("message"));
    }

    @Test
    void koreanTextSurvives() {
        String detail = "'김철수'라는 사용자가 없습니다. 😢";
        assertEquals(detail, parse(Problem.of("not-found", "찾을 수 없음", 404, detail).toJson()).getString("detail"));
    }
}
