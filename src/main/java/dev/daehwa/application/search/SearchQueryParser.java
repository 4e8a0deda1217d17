package dev.daehwa.application.search;

import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the search language: plain words (all must match), {@code "exact phrases"}, {@code -word}
 * or {@code -"phrase"} to exclude, and the operators {@code from:}, {@code mentions:}, {@code in:},
 * {@code before:}, {@code after:} and {@code has:link}. Operator values may be quoted
 * ({@code in:"Team chat"}). {@code mentions:me} is the searcher; no username is that short.
 *
 * <p>A word with a colon that is not one of the operators ({@code 10:30}, {@code https://…}) is
 * just a word: people paste times and links into searches, and refusing them would be unkind.
 * Mistakes in the operators themselves get a refusal that says what to write instead.
 */
public final class SearchQueryParser {

    public static final int MAX_LENGTH = 500;

    private final String input;
    private int position;

    private final List<String> required = new ArrayList<>();
    private final List<String> excluded = new ArrayList<>();
    private final List<String> fromUsers = new ArrayList<>();
    private boolean mentionsMe;
    private final List<String> mentioned = new ArrayList<>();
    private final List<String> inRooms = new ArrayList<>();
    private LocalDate before;
    private LocalDate after;
    private boolean hasLink;

    private SearchQueryParser(String input) {
        this.input = input;
    }

    public static SearchQuery parse(String input) {
        String text = input == null ? "" : input.strip();
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw InvalidInputException.of(FieldRefusal.SEARCH_TOO_LONG,
                    "A search can be at most " + MAX_LENGTH + " characters.");
        }
        SearchQuery query = new SearchQueryParser(text).read();
        if (query.required().isEmpty() && !query.hasOperators()) {
            throw InvalidInputException.of(FieldRefusal.SEARCH_REQUIRED, "Type something to search for.");
        }
        return query;
    }

    private SearchQuery read() {
        while (skipSpace()) {
            boolean negated = input.charAt(position) == '-' && position + 1 < input.length()
                    && !Character.isWhitespace(input.charAt(position + 1));
            if (negated) {
                position++;
            }
            if (input.charAt(position) == '"') {
                addText(quoted(), negated);
                continue;
            }
            String word = word();
            int colon = word.indexOf(':');
            String operator = colon > 0 ? word.substring(0, colon).toLowerCase(Locale.ROOT) : "";
            if (isOperator(operator)) {
                if (negated) {
                    throw InvalidInputException.of(FieldRefusal.SEARCH_NEGATED_OPERATOR,
                            "Only words and phrases can be excluded with -, not " + operator + ":.");
                }
                String value = word.substring(colon + 1);
                if (value.isEmpty() && position < input.length() && input.charAt(position) == '"') {
                    value = quoted();
                }
                operator(operator, value.strip());
            } else {
                addText(word, negated);
            }
        }
        return new SearchQuery(required, excluded, fromUsers, mentionsMe, mentioned, inRooms, before, after, hasLink);
    }

    private static boolean isOperator(String name) {
        return switch (name) {
            case "from", "mentions", "in", "before", "after", "has" -> true;
            default -> false;
        };
    }

    private void operator(String name, String value) {
        if (value.isEmpty()) {
            throw InvalidInputException.of(FieldRefusal.SEARCH_EMPTY_OPERATOR, name + ": needs a value after the colon.");
        }
        switch (name) {
            case "from" -> fromUsers.add(username(value));
            case "mentions" -> {
                if (value.equalsIgnoreCase("me")) {
                    mentionsMe = true;
                } else {
                    mentioned.add(username(value));
                }
            }
            case "in" -> inRooms.add(value.startsWith("#") ? value.substring(1) : value);
            case "before" -> {
                LocalDate day = date(name, value);
                before = before == null || day.isBefore(before) ? day : before;
            }
            case "after" -> {
                LocalDate day = date(name, value);
                after = after == null || day.isAfter(after) ? day : after;
            }
            case "has" -> {
                if (!value.equalsIgnoreCase("link")) {
                    throw InvalidInputException.of(FieldRefusal.SEARCH_UNKNOWN_HAS,
                            "has: takes only link, as in has:link (not " + value + ").");
                }
                hasLink = true;
            }
            default -> throw new IllegalStateException(name);
        }
    }

    private static String username(String value) {
        return value.startsWith("@") ? value.substring(1) : value;
    }

    private static LocalDate date(String operator, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(FieldRefusal.SEARCH_BAD_DATE,
                    operator + ": takes a date written YYYY-MM-DD, not " + value + ".");
        }
    }

    private void addText(String text, boolean negated) {
        if (!text.isBlank()) {
            (negated ? excluded : required).add(text.strip());
        }
    }

    /** Moves past whitespace; false at the end of the input. */
    private boolean skipSpace() {
        while (position < input.length() && Character.isWhitespace(input.charAt(position))) {
            position++;
        }
        return position < input.length();
    }

    /** Up to the next whitespace or quote, so that {@code from:minji"x"} is two parts. */
    private String word() {
        int start = position;
        while (position < input.length() && !Character.isWhitespace(input.charAt(position))
                && (input.charAt(position) != '"' || position == start)) {
            position++;
        }
        return input.substring(start, position);
    }

    /** The text between a pair of quotes; the position is at the opening one. */
    private String quoted() {
        int close = input.indexOf('"', position + 1);
        if (close < 0) {
            throw InvalidInputException.of(FieldRefusal.SEARCH_UNCLOSED_QUOTE,
                    "The phrase starting at character " + (position + 1) + " has no closing quote (\").");
        }
        String text = input.substring(position + 1, close);
        position = close + 1;
        return text;
    }
}
