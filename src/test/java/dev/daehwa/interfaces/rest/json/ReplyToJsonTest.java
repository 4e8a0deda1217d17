package dev.daehwa.interfaces.rest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.daehwa.application.messages.ReplyQuote;
import dev.daehwa.domain.user.PublicProfile;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import org.junit.jupiter.api.Test;

/** The quote keeps its two shapes under the API's JSON, which writes every other absent value as null. */
class ReplyToJsonTest {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Test
    void aVisibleOriginalIsItsIdSeqAuthorAndExcerpt() {
        String json = jsonb.toJson(ReplyToJson.of(
                new ReplyQuote(7, 3, new PublicProfile(2, "minji", "민지"), "안녕 😀", false)));
        assertEquals("{\"id\":7,\"seq\":3,\"author\":{\"id\":2,\"username\":\"minji\",\"displayName\":\"민지\"},"
                + "\"excerpt\":\"안녕 😀\"}", json);
    }

    @Test
    void aDeletedOriginalIsItsIdAndThatItIsDeleted() {
        assertEquals("{\"id\":7,\"deleted\":true}", jsonb.toJson(ReplyToJson.of(new ReplyQuote(7, 3, null, null, true))));
    }
}
