package dev.daehwa.interfaces.rest;

import dev.daehwa.domain.error.InvalidInputException;

/**
 * Numeric query parameters are read as text and parsed here: JAX-RS answers a parameter that
 * fails conversion with 404, while {@code ?limit=abc} is the client's mistake and deserves a 400
 * that names the parameter.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static Long optionalLong(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "format", name + " must be a whole number.");
        }
    }

    static Integer optionalInt(String name, String value) {
        Long number = optionalLong(name, value);
        if (number == null) {
            return null;
        }
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw InvalidInputException.of(name, "out-of-range", name + " is out of range.");
        }
        return number.intValue();
    }
}
