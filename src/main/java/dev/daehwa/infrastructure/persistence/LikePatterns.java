package dev.daehwa.infrastructure.persistence;

/** Builds LIKE patterns from user input, so that '%' and '_' typed by a user match literally. */
final class LikePatterns {

    private LikePatterns() {
    }

    static String startsWith(String literal) {
        return literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
