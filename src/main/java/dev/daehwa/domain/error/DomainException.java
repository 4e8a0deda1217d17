package dev.daehwa.domain.error;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A rule of the chat said no. Each subclass is one kind of refusal with one problem type; the
 * interface layer gives each kind its HTTP status ({@code ProblemStatus}), so that the REST API
 * and the web pages explain a refusal the same way.
 * Unchecked, so that {@code @Transactional} services roll back when one is thrown. Sealed, so that
 * the kinds of refusal can be listed (the pages need a text for each).
 */
public abstract sealed class DomainException extends RuntimeException
        permits AuthenticationRequiredException, ConflictException, InvalidInputException, NotFoundException,
        PermissionDeniedException, TooLargeException, TooManyAttemptsException, UnavailableException {

    protected DomainException(String detail) {
        super(detail);
    }

    /** Short, stable slug naming the kind of problem; becomes the problem's {@code type}. */
    public abstract String problemType();

    public abstract String title();


    /**
     * When asking again may get a different answer, how long to wait first (an HTTP
     * {@code Retry-After}); empty when the same request will be refused again.
     */
    public Optional<Duration> retryIn() {
        return Optional.empty();
    }

    /** Field errors, for input that failed validation; empty otherwise. */
    public List<FieldError> fieldErrors() {
        return List.of();
    }
}
