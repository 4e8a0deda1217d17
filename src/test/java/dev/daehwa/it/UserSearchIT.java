package dev.daehwa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import dev.daehwa.it.support.App;
import dev.daehwa.it.support.ChatUser;
import dev.daehwa.it.support.Contract;
import dev.daehwa.it.support.DaehwaIT;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** Finding people to add to a room, by the start of their username or display name. */
@DaehwaIT
class UserSearchIT {

    @Test
    void usernamePrefixMatchesCaseInsensitively(App app) {
        String prefix = App.uniqueUsername("s").substring(0, 9);
        ChatUser one = app.newUser(prefix + "_one", "First Person");
        ChatUser two = app.newUser(prefix + "_two", "Second Person");
        app.newUser("x" + prefix, "Not A Prefix Match");

        List<JsonObject> found = search(one, prefix.toUpperCase(Locale.ROOT), 20);

        found.forEach(Contract::assertUser);
        assertEquals(List.of(one.username(), two.username()), usernames(found));
    }

    @Test
    void displayNamePrefixMatchesCaseInsensitively(App app) {
        String marker = App.uniqueUsername("d").substring(2, 10);
        ChatUser target = app.newUser(App.uniqueUsername("plain"), "Zz" + marker + " Kim");
        ChatUser searcher = app.newUser("searcher");

        List<JsonObject> found = search(searcher, "zZ" + marker.toUpperCase(Locale.ROOT), 20);

        assertEquals(List.of(target.username()), usernames(found));
        assertEquals("Zz" + marker + " Kim", found.getFirst().getString("displayName"));
    }

    @Test
    void koreanDisplayNamePrefixMatches(App app) {
        String marker = App.uniqueUsername("k").substring(2, 8);
        ChatUser target = app.newUser(App.uniqueUsername("hangul"), "대화" + marker + " 김철수");

        List<JsonObject> found = search(target, "대화" + marker, 20);

        assertEquals(List.of(target.username()), usernames(found));
    }

    @Test
    void aMatchInTheMiddleIsNotAPrefix(App app) {
        String marker = App.uniqueUsername("m").substring(2, 10);
        ChatUser user = app.newUser("ab" + marker, "Middle " + marker);

        assertTrue(search(user, marker, 20).isEmpty());
    }

    @Test
    void limitCapsTheResults(App app) {
        String prefix = App.uniqueUsername("l").substring(0, 9);
        ChatUser first = app.newUser(prefix + "_1", "One");
        for (int i = 2; i <= 4; i++) {
            app.newUser(prefix + "_" + i, "Another");
        }

        assertEquals(2, search(first, prefix, 2).size());
        assertEquals(4, search(first, prefix, 20).size());
    }

    @Test
    void resultsShowNoEmail(App app) {
        ChatUser user = app.newUser("noemail");

        String body = user.agent().get("api/users?q=" + user.username() + "&limit=20").expect(200).body();

        assertTrue(body.contains(user.username()));
        assertFalse(body.contains(user.email()) || body.contains("\"email\""), body);
    }

    @Test
    void searchNeedsALogin(App app) {
        app.anonymous().get("api/users?q=a&limit=20").problem(401);
    }

    private static List<JsonObject> search(ChatUser user, String q, int limit) {
        return user.agent().get("api/users?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&limit=" + limit)
                .expect(200).jsonArray().stream().map(JsonValue::asJsonObject).toList();
    }

    private static List<String> usernames(List<JsonObject> users) {
        return users.stream().map(user -> user.getString("username")).sorted().toList();
    }
}
