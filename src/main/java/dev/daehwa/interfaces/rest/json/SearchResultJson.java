package dev.daehwa.interfaces.rest.json;

/** One search result; {@code highlight} is the escaped text with the matches in {@code <mark>}. */
public record SearchResultJson(MessageJson message, RoomRefJson room, String highlight) {

    /** Just enough of a room to show and open it. */
    public record RoomRefJson(long id, String name) {
    }
}
