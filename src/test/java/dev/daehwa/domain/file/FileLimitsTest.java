package dev.daehwa.domain.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.domain.error.TooLargeException;
import org.junit.jupiter.api.Test;

class FileLimitsTest {

    private final FileLimits limits = new FileLimits(100, 250);

    @Test
    void anUploadMayGrowToTheSmallerOfTheLimitAndWhatIsLeft() {
        assertEquals(100, limits.allowance(0));
        assertEquals(50, limits.allowance(200));
        assertEquals(0, limits.allowance(250));
        assertEquals(0, limits.allowance(300));
    }

    @Test
    void theRefusalSaysWhichLimit() {
        assertTrue(limits.refusal(0, 101).getMessage().contains("at most 100 bytes"));
        assertTrue(limits.refusal(200, 51).getMessage().contains("quota"));
    }

    @Test
    void countedAgainTheQuotaHolds() {
        limits.allow(150, 100);
        assertThrows(TooLargeException.class, () -> limits.allow(151, 100));
        assertThrows(TooLargeException.class, () -> limits.allow(0, 101));
    }

    @Test
    void wholeMebibytesReadAsSuch() {
        assertTrue(TooLargeException.file(25L * 1024 * 1024).getMessage().contains("25 MiB"));
        assertTrue(TooLargeException.file(256 * 1024).getMessage().contains("256 KiB"));
        assertTrue(TooLargeException.quota(1L << 30, 1536).getMessage().contains("1 GiB: your files already take 1536 bytes"));
    }
}
