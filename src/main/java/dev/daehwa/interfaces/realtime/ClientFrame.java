package dev.daehwa.interfaces.realtime;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a client may send: {@code {"type":"resume","rooms":{"<roomId>":<lastSeenSeq>,…}}} and
 * {@code {"type":"typing","roomId":N}}. Anything else is a {@link BadFrame} with a reason the
 * client can read.
 */
sealed interface ClientFrame {

    /** Rooms a resume may name at once; a client is in far fewer. */
    int MAX_RESUME_ROOMS = 1000;

    /** Looked up once: Json.createReader() searches the class path on every call. */
    JsonProvider JSON = JsonProvider.provider();

    record Resume(Map<Long, Long> lastSeenByRoom) implements ClientFrame {
    }

    record Typing(long roomId) implements ClientFrame {
    }

    final class BadFrame extends Exception {
        BadFrame(String detail) {
            super(detail, null, false, false);
        }
    }

    static ClientFrame parse(String text) throws BadFrame {
        JsonObject frame;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new BadFrame("A frame must be a JSON object with a \"type\".");
            }
            frame = value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw new BadFrame("A frame must be one JSON object.");
        }
        JsonValue type = frame.get("type");
        if (type == null || type.getValueType() != JsonValue.ValueType.STRING) {
            throw new BadFrame("A frame needs a string \"type\".");
        }
        return switch (frame.getString("type")) {
            case "resume" -> resume(frame);
            case "typing" -> new Typing(positiveLong(frame.get("roomId"), "roomId"));
            default -> throw new BadFrame("Unknown frame type \"" + frame.getString("type") + "\"; expected resume or typing.");
        };
    }

    private static Resume resume(JsonObject frame) throws BadFrame {
        JsonValue rooms = frame.get("rooms");
        if (rooms == null || rooms.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new BadFrame("resume needs \"rooms\": an object of roomId to last seen seq.");
        }
        if (rooms.asJsonObject().size() > MAX_RESUME_ROOMS) {
            throw new BadFrame("resume names too many rooms.");
        }
        Map<Long, Long> lastSeen = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : rooms.asJsonObject().entrySet()) {
            long roomId;
            try {
                roomId = Long.parseLong(entry.getKey());
            } catch (NumberFormatException e) {
                throw new BadFrame("resume: \"" + entry.getKey() + "\" is not a room id.");
            }
            long seq = nonNegativeLong(entry.getValue(), "the last seen seq of room " + roomId);
            lastSeen.put(roomId, seq);
        }
        return new Resume(lastSeen);
    }

    private static long positiveLong(JsonValue value, String name) throws BadFrame {
        long number = nonNegativeLong(value, name);
        if (number == 0) {
            throw new BadFrame(name + " must be a positive whole number.");
        }
        return number;
    }

    private static long nonNegativeLong(JsonValue value, String name) throws BadFrame {
        if (value == null || value.getValueType() != JsonValue.ValueType.NUMBER
                || !((JsonNumber) value).isIntegral() || ((JsonNumber) value).bigIntegerValue().bitLength() > 62
                || ((JsonNumber) value).longValue() < 0) {
            throw new BadFrame(name + " must be a whole number, zero or more.");
        }
        return ((JsonNumber) value).longValue();
    }
}
