package dev.daehwa.it.support;

import java.io.StringReader;
import java.util.Collection;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/** Builds request bodies and reads response bodies with JSON-P. */
public final class Jsons {

    private Jsons() {
    }

    /** {@code object("roomId", 7, "content", "hi")}; values may be strings, numbers, booleans, null, collections or JSON. */
    public static JsonObject object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        JsonObjectBuilder builder = Json.createObjectBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            builder.add((String) keysAndValues[i], value(keysAndValues[i + 1]));
        }
        return builder.build();
    }

    /** The numeric {@code id} of a User, Room, Message or token. */
    public static long id(JsonObject object) {
        JsonValue id = object.get("id");
        if (id instanceof JsonNumber number) {
            return number.longValueExact();
        }
        throw new AssertionError("no numeric id in " + object);
    }

    public static JsonStructure parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.read();
        }
    }

    private static JsonValue value(Object value) {
        return switch (value) {
            case null -> JsonValue.NULL;
            case JsonValue json -> json;
            case String s -> Json.createValue(s);
            case Integer i -> Json.createValue(i);
            case Long l -> Json.createValue(l);
            case Number n -> Json.createValue(n.doubleValue());
            case Boolean b -> b ? JsonValue.TRUE : JsonValue.FALSE;
            case Collection<?> items -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                items.forEach(item -> array.add(value(item)));
                yield array.build();
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        };
    }
}
