package dev.daehwa.interfaces.rest.json;

import java.util.List;

/** A page of history, ascending by seq. */
public record MessagePageJson(List<MessageJson> messages, boolean hasMore) {
}
