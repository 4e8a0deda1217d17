package dev.daehwa.interfaces.rest.json;

import dev.daehwa.application.messages.ReplyQuote;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a reply shows of the message it answers. Written by hand, because its absent fields are
 * left out where the rest of the API writes null: a deleted original is exactly
 * {@code {"id": …, "deleted": true}}, and a visible one carries no {@code deleted} at all.
 */
@JsonbTypeSerializer(ReplyToJson.Writer.class)
@Schema(description = "The message this one answers: {id, seq, author, excerpt}, or {id, deleted: true} once it is deleted")
public record ReplyToJson(
        long id,
        @Schema(description = "Its seq in the room, to scroll to; absent when deleted") Long seq,
        @Schema(description = "Who wrote it; absent when deleted") UserJson author,
        @Schema(description = "Its plain text on one line (whitespace runs as one space), at most its first 100"
                + " characters (code points), cut without a mark; absent when deleted") String excerpt,
        @Schema(description = "true once the original is deleted; absent otherwise") Boolean deleted) {

    static ReplyToJson of(ReplyQuote quote) {
        return quote.deleted() ? new ReplyToJson(quote.id(), null, null, null, true)
                : new ReplyToJson(quote.id(), quote.seq(), UserJson.of(quote.author()), quote.excerpt(), null);
    }

    public static class Writer implements JsonbSerializer<ReplyToJson> {

        @Override
        public void serialize(ReplyToJson quote, JsonGenerator generator, SerializationContext context) {
            generator.writeStartObject().write("id", quote.id());
            if (quote.deleted() != null) {
                generator.write("deleted", quote.deleted());
            } else {
                generator.write("seq", quote.seq());
                generator.writeStartObject("author").write("id", quote.author().id())
                        .write("username", quote.author().username())
                        .write("displayName", quote.author().displayName()).writeEnd();
                generator.write("excerpt", quote.excerpt());
            }
            generator.writeEnd();
        }
    }
}
