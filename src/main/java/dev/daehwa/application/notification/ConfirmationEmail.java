package dev.daehwa.application.notification;

import java.time.Instant;
import java.util.Locale;

/**
 * The email that asks a user to confirm their address: the link's token (only its hash is
 * stored), until when it works, and the attempt it belongs to (its Message-ID is made from it).
 */
public record ConfirmationEmail(long userId, int attempt, String recipientAddress, String recipientName,
        String username, Locale language, String token, Instant expiresAt) {
}
