package dev.daehwa.infrastructure.search;

import dev.daehwa.domain.message.PlainText;
import dev.daehwa.domain.message.LinkScanner;
import dev.daehwa.infrastructure.markdown.MessageRenderer;
import dev.daehwa.domain.message.MessageChange;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.opensearch.client.opensearch.generic.Body;

/**
 * The message index kept in OpenSearch, shared by every node of a cluster.
 *
 * <p><b>Analysis happens here, not in OpenSearch.</b> Each document carries its content already
 * analyzed by {@link ChatAnalyzer} (nori with Daehwa's user dictionary, part-of-speech filter,
 * reading form, width and case folding, English stemming, and {@link ClosePositionGaps}), as
 * space-separated terms that OpenSearch indexes with a whitespace tokenizer. Queries are
 * analyzed the same way ({@link QueryTerms}). So an OpenSearch cluster finds exactly what the
 * embedded index finds, with the same phrase positions, whatever nori dictionary version the
 * OpenSearch servers have, and without a plugin on them: OpenSearch's own nori filters cannot
 * close the holes that dropped particles leave, so its phrases could not match as ours do.
 *
 * <p><b>Order.</b> Every write carries the message's {@code changed_at} as an external version
 * ({@code external_gte}): when two nodes index the same message, an older state read by one can
 * never replace the newer state written by the other.
 *
 * <p><b>Position.</b> How far the index is (its {@link IndexHeader}) lives in a small second
 * index ({@code <name>-state}), written after the documents it covers; OpenSearch makes each
 * acknowledged write durable.
 */
final class OpenSearchIndex implements MessageIndex {

    /** The JSON-P provider, found once rather than per call as {@code Json.createXxx} would. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(OpenSearchIndex.class.getName());

    static final String TERMS_ANALYZER = "daehwa_terms";
    private static final String POSITION_DOC = "position";

    private final OpenSearchConnection connection;
    private final String name;
    private final Analyzer analyzer;
    private final IndexHeader committed;
    private final String rebuildReason;

    private OpenSearchIndex(OpenSearchConnection connection, String name, Analyzer analyzer, IndexHeader committed,
                            String rebuildReason) {
        this.connection = connection;
        this.name = name;
        this.analyzer = analyzer;
        this.committed = committed;
        this.rebuildReason = rebuildReason;
    }

    /**
     * Opens the index {@code name}, creating it (and starting a rebuild) when it is missing or of
     * another format.
     */
    static OpenSearchIndex open(OpenSearchConnection connection, String name, Analyzer analyzer) throws IOException {
        Optional<JsonObject> state = connection.get("/" + stateIndex(name) + "/_doc/" + POSITION_DOC)
                .map(found -> found.getJsonObject("_source"));
        boolean exists = connection.exists("/" + name);
        String problem;
        if (!exists) {
            problem = "there is no index " + name + " on " + connection.location();
        } else if (state.isEmpty() || !IndexHeader.isCurrent(state.get().getString("format", ""))) {
            problem = "the index " + name + " was built by another version or never finished";
        } else {
            problem = null;
        }
        if (problem != null) {
            if (exists) {
                LOG.warning(() -> "Removing the unusable search index " + name + " on " + connection.location());
                connection.delete("/" + name);
            }
            connection.delete("/" + stateIndex(name));
            connection.createIndex(name, settings());
            return new OpenSearchIndex(connection, name, analyzer, IndexHeader.EMPTY, problem);
        }
        return new OpenSearchIndex(connection, name, analyzer, header(state.get()), null);
    }

    private static IndexHeader header(JsonObject stored) {
        return new IndexHeader(stored.getString("format"),
                new IndexPosition(Instant.parse(stored.getString("changedAt")), stored.getJsonNumber("messageId").longValue()),
                stored.getBoolean("complete", false));
    }

    private static JsonObject stored(IndexHeader header) {
        return JSON.createObjectBuilder()
                .add("format", header.format())
                .add("changedAt", header.through().changedAt().toString())
                .add("messageId", header.through().messageId())
                .add("complete", header.complete())
                .build();
    }

    private static String stateIndex(String name) {
        return name + "-state";
    }

    /** One shard: a chat's messages fit, and exact totals and BM25 statistics come from one place. */
    private static JsonObject settings() {
        return JSON.createObjectBuilder()
                .add("settings", JSON.createObjectBuilder()
                        .add("number_of_shards", 1)
                        .add("analysis", JSON.createObjectBuilder().add("analyzer", JSON.createObjectBuilder()
                                .add(TERMS_ANALYZER, JSON.createObjectBuilder()
                                        .add("type", "custom").add("tokenizer", "whitespace")))))
                .add("mappings", JSON.createObjectBuilder()
                        .add("dynamic", "strict")
                        .add("properties", JSON.createObjectBuilder()
                                .add(MessageFields.ID_ORDER, type("long"))
                                .add(MessageFields.ROOM, type("long"))
                                .add(MessageFields.SENDER, type("long"))
                                .add(MessageFields.MENTIONS, type("long"))
                                .add(MessageFields.SEQ, type("long"))
                                .add(MessageFields.TIME, type("long"))
                                .add(MessageFields.HAS, type("keyword"))
                                .add(MessageFields.CONTENT, type("text").add("analyzer", TERMS_ANALYZER))))
                .build();
    }

    private static JsonObjectBuilder type(String type) {
        return JSON.createObjectBuilder().add("type", type);
    }

    @Override
    public String rebuildReason() {
        return rebuildReason;
    }

    @Override
    public IndexPosition committedPosition() {
        return committed.through();
    }

    @Override
    public boolean committedComplete() {
        return committed.complete();
    }

    @Override
    public void apply(List<MessageChange> changes) throws IOException {
        if (changes.isEmpty()) {
            return;
        }
        StringBuilder bulk = new StringBuilder();
        for (MessageChange change : changes) {
            JsonObject target = JSON.createObjectBuilder()
                    .add("_index", name)
                    .add("_id", Long.toString(change.id()))
                    .add("version", version(change))
                    .add("version_type", "external_gte")
                    .build();
            if (change.deleted()) {
                bulk.append(JSON.createObjectBuilder().add("delete", target).build()).append('\n');
            } else {
                bulk.append(JSON.createObjectBuilder().add("index", target).build()).append('\n');
                bulk.append(document(change)).append('\n');
            }
        }
        JsonObject answer = connection.send("POST", "/_bulk", Body.from(
                bulk.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson"));
        if (answer.getBoolean("errors", false)) {
            for (JsonValue item : answer.getJsonArray("items")) {
                JsonObject result = item.asJsonObject().values().iterator().next().asJsonObject();
                int status = result.getInt("status");
                // 409: a newer state is there already; 404: deleting what was never indexed
                if (status >= 300 && status != 409 && status != 404) {
                    throw new IOException("OpenSearch refused a write to " + name + ": " + result.get("error"));
                }
            }
        }
    }

    /** The change's time in microseconds: later states of a message have higher versions. */
    private static long version(MessageChange change) {
        Instant at = change.changedAt();
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private JsonObject document(MessageChange message) throws IOException {
        JsonObjectBuilder document = JSON.createObjectBuilder()
                .add(MessageFields.ID_ORDER, message.id())
                .add(MessageFields.ROOM, message.roomId())
                .add(MessageFields.SENDER, message.senderId())
                .add(MessageFields.SEQ, message.seq())
                .add(MessageFields.TIME, message.createdAt().toEpochMilli())
                .add(MessageFields.CONTENT, analyzedTerms(PlainText.of(message.content())));
        if (!message.mentionedIds().isEmpty()) {
            JsonArrayBuilder mentioned = JSON.createArrayBuilder();
            message.mentionedIds().forEach(mentioned::add);
            document.add(MessageFields.MENTIONS, mentioned);
        }
        if (LinkScanner.containsLink(message.content())) {
            document.add(MessageFields.HAS, JSON.createArrayBuilder().add(MessageFields.HAS_LINK));
        }
        return document.build();
    }

    /** The content as ChatAnalyzer reads it, one term after another. */
    private String analyzedTerms(String content) throws IOException {
        StringBuilder terms = new StringBuilder();
        try (TokenStream tokens = analyzer.tokenStream(MessageFields.CONTENT, content)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (!terms.isEmpty()) {
                    terms.append(' ');
                }
                terms.append(term);
            }
            tokens.end();
        }
        return terms.toString();
    }

    @Override
    public void refresh() throws IOException {
        connection.send("POST", "/" + name + "/_refresh", null);
    }

    @Override
    public void commit(IndexPosition through, boolean caughtUp) throws IOException {
        connection.send("PUT", "/" + stateIndex(name) + "/_doc/" + POSITION_DOC, Body.from(
                stored(IndexHeader.committedAt(through, caughtUp)).toString().getBytes(StandardCharsets.UTF_8),
                "application/json"));
    }

    @Override
    public long documents() {
        try {
            return connection.send("GET", "/" + name + "/_count", null).getJsonNumber("count").longValue();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Runs a search request against this index; the answer is OpenSearch's JSON. */
    JsonObject search(JsonObject request) throws IOException {
        return connection.send("POST", "/" + name + "/_search", Body.from(
                request.toString().getBytes(StandardCharsets.UTF_8), "application/json"));
    }

    @Override
    public String location() {
        return name + " on " + connection.location();
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
