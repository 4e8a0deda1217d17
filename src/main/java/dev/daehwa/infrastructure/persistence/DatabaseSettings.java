package dev.daehwa.infrastructure.persistence;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * {@code postgres://user:pass@host:port/db?params}. Parsed by hand: java.net.URI gives up on
     * host names with '_' (docker-compose service names), and URLDecoder would turn a literal '+'
     * in a password into a space.
     */
    static DatabaseSettings fromPlatformUrl(String url) {
        Matcher m = PLATFORM_URL.matcher(url.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must look like postgres://user:password@host:port/database");
        }
        String port = m.group("port") != null ? ":" + m.group("port") : "";
        String query = m.group("query") != null ? m.group("query") : "";
        return new DatabaseSettings("jdbc:postgresql://" + m.group("host") + port + "/" + m.group("db") + query,
                decode(m.group("user")), decode(m.group("password")));
    }

    private static final Pattern PLATFORM_URL = Pattern.compile(
            "(?i:postgres(?:ql)?)://(?:(?<user>[^:@/]*)(?::(?<password>[^@/]*))?@)?"
                    + "(?<host>[^:/?#@]+)(?::(?<port>\\d+))?/(?<db>[^?#]+)(?<query>\\?[^#]*)?");

    private static String decode(String value) {
        return value == null ? null : URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
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
