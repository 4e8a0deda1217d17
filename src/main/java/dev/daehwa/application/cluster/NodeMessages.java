package dev.daehwa.application.cluster;

import dev.daehwa.application.auth.CallerCredential;
import dev.daehwa.application.auth.Revocation;
import dev.daehwa.application.events.ChatEvent;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link NodeMessage}s as compact JSON, and back. Unknown or broken messages decode to nothing. */
public final class NodeMessages {

    /** Ids per message when a list is split; 300 ids of up to 19 digits stay within the limit. */
    public static final int IDS_PER_MESSAGE = 300;

    private NodeMessages() {
    }

    public static String encode(NodeMessage message) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("n", message.node());
        switch (message) {
            case NodeMessage.Changed changed -> encodeEvent(json.add("t", "changed"), changed.event());
            case NodeMessage.Typing typing -> json.add("t", "typing").add("r", typing.roomId()).add("u", typing.userId());
            case NodeMessage.Online online -> json.add("t", "online").add("u", online.userId());
            case NodeMessage.Offline offline -> json.add("t", "offline").add("u", offline.userId());
            case NodeMessage.Beat beat -> json.add("t", "beat").add("b", beat.beat()).add("p", beat.part())
                    .add("of", beat.parts()).add("us", ids(beat.userIds()));
            case NodeMessage.Revoked revoked -> encodeRevocation(json.add("t", "revoked"), revoked.revocation());
            case NodeMessage.Left left -> json.add("t", "left");
        }
        return json.build().toString();
    }

    private static void encodeEvent(JsonObjectBuilder json, ChatEvent event) {
        json.add("r", event.roomId());
        switch (event) {
            case ChatEvent.MessagePosted e -> json.add("e", "posted").add("m", e.messageId()).add("s", e.seq());
            case ChatEvent.MessageEdited e -> json.add("e", "edited").add("m", e.messageId());
            case ChatEvent.MessageDeleted e -> json.add("e", "deleted").add("m", e.messageId()).add("s", e.seq());
            case ChatEvent.ReactionsChanged e -> json.add("e", "reacted").add("m", e.messageId());
            case ChatEvent.RoomChanged e -> json.add("e", "room");
            case ChatEvent.MemberRemoved e -> json.add("e", "removed").add("u", e.userId());
            case ChatEvent.RoomArchived e -> json.add("e", "archived").add("us", ids(e.memberIds()));
            case ChatEvent.ReadMarkerMoved e -> json.add("e", "read").add("u", e.userId());
        }
    }

    private static void encodeRevocation(JsonObjectBuilder json, Revocation revocation) {
        switch (revocation) {
            case Revocation.TokenRevoked r -> json.add("k", "token").add("h", r.tokenHash());
            case Revocation.LoginEnded r -> json.add("k", "login").add("h", r.loginHash());
            case Revocation.SignedOut r -> {
                json.add("k", "user").add("u", r.userId());
                switch (r.kept()) {
                    case null -> { }
                    case CallerCredential.ApiToken token -> json.add("kt", token.tokenHash());
                    case CallerCredential.Login login -> json.add("kl", login.loginHash());
                }
            }
        }
    }

    /**
     * The event as messages that each fit a channel: only an archived room's member list can grow
     * long, and it is split, since telling each part's members separately means the same.
     */
    public static List<NodeMessage.Changed> changed(String node, ChatEvent event) {
        if (event instanceof ChatEvent.RoomArchived archived && archived.memberIds().size() > IDS_PER_MESSAGE) {
            List<NodeMessage.Changed> parts = new ArrayList<>();
            for (List<Long> chunk : chunks(List.copyOf(archived.memberIds()))) {
                parts.add(new NodeMessage.Changed(node,
                        new ChatEvent.RoomArchived(archived.roomId(), Set.copyOf(chunk))));
            }
            return parts;
        }
        return List.of(new NodeMessage.Changed(node, event));
    }

    /** A beat listing these users, split into as many parts as it takes (at least one). */
    public static List<NodeMessage.Beat> beat(String node, long beat, List<Long> userIds) {
        List<List<Long>> chunks = chunks(userIds);
        List<NodeMessage.Beat> parts = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            parts.add(new NodeMessage.Beat(node, beat, i, chunks.size(), chunks.get(i)));
        }
        return parts;
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_MESSAGE) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + IDS_PER_MESSAGE)));
        }
        if (chunks.isEmpty()) {
            chunks.add(List.of());
        }
        return chunks;
    }

    private static JsonArrayBuilder ids(Iterable<Long> ids) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        ids.forEach(array::add);
        return array;
    }

    public static Optional<NodeMessage> decode(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            String node = json.getString("n");
            return Optional.ofNullable(switch (json.getString("t")) {
                case "changed" -> decodeEvent(json).map(event -> new NodeMessage.Changed(node, event)).orElse(null);
                case "typing" -> new NodeMessage.Typing(node, number(json, "r"), number(json, "u"));
                case "online" -> new NodeMessage.Online(node, number(json, "u"));
                case "offline" -> new NodeMessage.Offline(node, number(json, "u"));
                case "beat" -> new NodeMessage.Beat(node, number(json, "b"), json.getInt("p"), json.getInt("of"),
                        List.copyOf(idList(json)));
                case "revoked" -> decodeRevocation(json).map(r -> new NodeMessage.Revoked(node, r)).orElse(null);
                case "left" -> new NodeMessage.Left(node);
                default -> null;
            });
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<ChatEvent> decodeEvent(JsonObject json) {
        long room = number(json, "r");
        return Optional.ofNullable(switch (json.getString("e")) {
            case "posted" -> new ChatEvent.MessagePosted(room, number(json, "m"), number(json, "s"));
            case "edited" -> new ChatEvent.MessageEdited(room, number(json, "m"));
            case "deleted" -> new ChatEvent.MessageDeleted(room, number(json, "m"), number(json, "s"));
            case "reacted" -> new ChatEvent.ReactionsChanged(room, number(json, "m"));
            case "room" -> new ChatEvent.RoomChanged(room);
            case "removed" -> new ChatEvent.MemberRemoved(room, number(json, "u"));
            case "archived" -> new ChatEvent.RoomArchived(room, Set.copyOf(idList(json)));
            case "read" -> new ChatEvent.ReadMarkerMoved(room, number(json, "u"));
            default -> null;
        });
    }

    private static Optional<Revocation> decodeRevocation(JsonObject json) {
        return Optional.ofNullable(switch (json.getString("k")) {
            case "token" -> new Revocation.TokenRevoked(json.getString("h"));
            case "login" -> new Revocation.LoginEnded(json.getString("h"));
            case "user" -> new Revocation.SignedOut(number(json, "u"), json.containsKey("kt")
                    ? new CallerCredential.ApiToken(json.getString("kt"))
                    : json.containsKey("kl") ? new CallerCredential.Login(json.getString("kl")) : null);
            default -> null;
        });
    }

    private static long number(JsonObject json, String key) {
        return json.getJsonNumber(key).longValueExact();
    }

    private static List<Long> idList(JsonObject json) {
        return json.getJsonArray("us").getValuesAs(JsonNumber.class).stream().map(JsonNumber::longValueExact).toList();
    }
}
