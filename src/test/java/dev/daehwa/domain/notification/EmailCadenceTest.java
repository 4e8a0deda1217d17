package dev.daehwa.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.domain.error.InvalidInputException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailCadenceTest {

    @Test
    void theFiveValuesAndTheirDelays() {
        assertEquals(Optional.of(Duration.ZERO), EmailCadence.of("immediate").delay());
        assertEquals(Optional.of(Duration.ofMinutes(2)), EmailCadence.of("2m").delay());
        assertEquals(Optional.of(Duration.ofMinutes(15)), EmailCadence.of(" 15m ").delay());
        assertEquals(Optional.of(Duration.ofHours(1)), EmailCadence.of("1h").delay());
        assertTrue(EmailCadence.of("never").delay().isEmpty());
        assertEquals(EmailCadence.TWO_MINUTES, EmailCadence.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"weekly", "2M", "Never", "0", "120s"})
    void anythingElseIsRefused(String value) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> EmailCadence.of(value));
        assertEquals("cadence", refused.fieldErrors().getFirst().code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void nothingIsRefusedAsMissing(String value) {
        assertEquals("cadence-required", assertThrows(InvalidInputException.class, () -> EmailCadence.of(value))
                .fieldErrors().getFirst().code());
        assertEquals("cadence-required", assertThrows(InvalidInputException.class, () -> EmailCadence.of(null))
                .fieldErrors().getFirst().code());
    }
}
