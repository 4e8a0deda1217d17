package dev.daehwa.it.search;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.daehwa.it.support.Agent;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Jsons;
import dev.daehwa.it.support.Pause;
import dev.daehwa.it.support.Response;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Searches as one user, and reads the answers (public for CrashRecoveryIT, which checks search after a crash). */
public record Searcher(ChatUser user) {

    /** The raw answer to {@code GET /api/search?q=…&more}; {@code more} is already encoded. */
    Response get(String query, String more) {
        return get(user.agent(), query, more);
    }

    private static Response get(Agent agent, String query, String more) {
        return agent.get("api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (more.isEmpty() ? "" : "&" + more));
    }

    JsonObject page(String query, String more) {
        return get(query, more).expect(200).json();
    }

    /** The ids of the messages found (up to 50, the largest page), in the order given. */
    List<Long> ids(String query) {
        return ids(page(query, "limit=50"));
    }

    static List<Long> ids(JsonObject page) {
        return results(page).stream().map(result -> Jsons.id(result.getJsonObject("message"))).toList();
    }

    static List<JsonObject> results(JsonObject page) {
        return page.getJsonArray("results").stream().map(JsonValue::asJsonObject).toList();
    }

    Set<Long> idSet(String query) {
        return Set.copyOf(ids(query));
    }

    /**
     * Searches until the answer satisfies {@code done}, for at most {@code within}; the index
     * follows the database a moment behind, by design.
     */
    List<Long> await(String query, Duration within, Predicate<List<Long>> done) {
        return ids(awaitPage(query, "limit=50", within, page -> done.test(ids(page))));
    }

    /**
     * Like {@link #await}, on the whole answer (total, next) rather than the ids. A node whose
     * search is still starting (just restarted, say) answers 503 with a {@code Retry-After}; that
     * is waited through like an index still behind. A 503 without one is final, and fails.
     */
    JsonObject awaitPage(String query, String more, Duration within, Predicate<JsonObject> done) {
        long deadline = System.nanoTime() + within.toNanos();
        Object last;
        do {
            Response answer = get(user.agent().expectingUnavailable(), query, more);
            if (answer.status() == 503) {
                answer.problem(503);
                assertTrue(answer.header("Retry-After").isPresent(), () -> "a 503 that will not pass: " + answer.body());
                last = answer.body();
            } else {
                JsonObject page = answer.expect(200).json();
                if (done.test(page)) {
                    return page;
                }
                last = page;
            }
            Pause.of(Duration.ofMillis(50));
        } while (System.nanoTime() < deadline);
        return fail("after " + within.toMillis() + " ms, '" + query + "' still answers " + last);
    }

    public List<Long> awaitExactly(String query, Duration within, Set<Long> expected) {
        return await(query, within, found -> Set.copyOf(found).equals(expected) && found.size() == expected.size());
    }

    static Set<Long> setOf(long... ids) {
        return Arrays.stream(ids).boxed().collect(Collectors.toSet());
    }
}
