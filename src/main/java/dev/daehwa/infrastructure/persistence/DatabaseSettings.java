package dev.daehwa.infrastructure.persistence;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the database is, decided from configuration alone so that the plain WAR runs anywhere:
 * {@code DAEHWA_DB_URL} (+ {@code DAEHWA_DB_USER}, {@code DAEHWA_DB_PASSWORD}) wins; else a
 * Heroku-style {@code DATABASE_URL=postgres://user:pass@host:port/db}; else an embedded H2 file
 * under {@code DAEHWA_DATA_DIR} (default {@code ./data}), so that one command runs the app.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password) {

    public static DatabaseSettings resolve(Function<String, Optional<String>> setting) {
        Optional<String> explicit = setting.apply("DAEHWA_DB_URL");
        if (explicit.isPresent()) {
            return new DatabaseSettings(explicit.get(),
                    setting.apply("DAEHWA_DB_USER").orElse(null),
                    setting.apply("DAEHWA_DB_PASSWORD").orElse(null));
        }
        Optional<String> platform = setting.apply("DATABASE_URL");
        if (platform.isPresent()) {
            return fromPlatformUrl(platform.get());
        }
        Path dataDir = Path.of(setting.apply("DAEHWA_DATA_DIR").orElse("data")).toAbsolutePath().normalize();
        // LOCK_TIMEOUT: posting locks the room row; under a burst, wait rather than fail.
        // WRITE_DELAY=0: a message is acknowledged only after its commit reached the file, so a
        // killed process loses nothing it said it had stored (H2 would otherwise wait 500 ms).
        return new DatabaseSettings("jdbc:h2:file:" + dataDir.resolve("daehwa") + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0",
                "daehwa", "");
    }

    static DatabaseSettings fromPlatformUrl(String url) {
        URI uri = URI.create(url);
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new IllegalArgumentException("DATABASE_URL must be a postgres:// URL, got scheme " + uri.getScheme());
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        String query = uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "";
        return new DatabaseSettings("jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query, user, password);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The URL without credentials, for logs and /health. */
    public String describe() {
        int params = jdbcUrl.indexOf('?');
        return params < 0 ? jdbcUrl : jdbcUrl.substring(0, params);
    }
}
