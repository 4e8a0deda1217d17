package dev.daehwa.interfaces.problem;

import dev.daehwa.domain.error.AuthenticationRequiredException;
import dev.daehwa.domain.error.ConflictException;
import dev.daehwa.domain.error.DomainException;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.domain.error.PermissionDeniedException;
import dev.daehwa.domain.error.TooLargeException;
import dev.daehwa.domain.error.TooManyAttemptsException;
import dev.daehwa.domain.error.UnavailableException;

/**
 * The HTTP status of each kind of refusal, in one place for the REST API and the pages. The
 * switch is over a sealed type: a new kind of refusal does not compile until it has a status.
 */
public final class ProblemStatus {

    private ProblemStatus() {
    }

    public static int of(DomainException refusal) {
        return switch (refusal) {
            case InvalidInputException invalid -> 400;
            case AuthenticationRequiredException unauthenticated -> 401;
            case PermissionDeniedException denied -> 403;
            case NotFoundException notFound -> 404;
            case ConflictException conflict -> 409;
            case TooLargeException tooLarge -> 413;
            case TooManyAttemptsException tooMany -> 429;
            case UnavailableException unavailable -> 503;
        };
    }
}
