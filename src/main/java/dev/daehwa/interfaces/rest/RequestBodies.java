package dev.daehwa.interfaces.rest;

import dev.daehwa.domain.error.InvalidInputException;

/** An empty body where one is needed is a 400 with a clear word, not a NullPointerException. */
final class RequestBodies {

    private RequestBodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw InvalidInputException.of("body", "required", "A JSON body is required.");
        }
        return body;
    }
}
