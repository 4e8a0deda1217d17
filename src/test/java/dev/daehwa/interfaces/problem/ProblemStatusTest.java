package dev.daehwa.interfaces.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.daehwa.domain.error.AuthenticationRequiredException;
import dev.daehwa.domain.error.ConflictException;
import dev.daehwa.domain.error.DomainException;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.domain.error.PermissionDeniedException;
import dev.daehwa.domain.error.TooManyAttemptsException;
import dev.daehwa.domain.error.UnavailableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemStatusTest {

    private static final List<DomainException> EACH_KIND = List.of(
            InvalidInputException.of("content", "blank", "A message needs content."),
            AuthenticationRequiredException.loginRequired(),
            new PermissionDeniedException("Only the room's owner may rename the room."),
            NotFoundException.room(),
            new ConflictException("That username is taken."),
            TooManyAttemptsException.fromClient(Duration.ofSeconds(3)),
            new UnavailableException("Search is turned off."));

    @Test
    void eachKindOfRefusalHasItsStatus() {
        assertEquals(List.of(400, 401, 403, 404, 409, 429, 503),
                EACH_KIND.stream().map(ProblemStatus::of).toList());
    }

    @Test
    void theProblemDocumentCarriesTheStatusOfItsKind() {
        for (DomainException refusal : EACH_KIND) {
            assertEquals(ProblemStatus.of(refusal), Problem.of(refusal).status(), refusal.getClass().getSimpleName());
        }
    }
}
