package dev.daehwa.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseSettingsTest {

    private static final String HEROKU = "postgres://user:p%40ss@host:5432/db?sslmode=require";

    private static DatabaseSettings resolve(Map<String, String> settings) {
        return DatabaseSettings.resolve(name -> Optional.ofNullable(settings.get(name)));
    }

    /** The embedded default: wait for row locks rather than fail, and flush every commit. */
    private static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("daehwa") + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0";
    }

    // ---------------------------------------------------------------- explicit

    @Test
    void explicitSettingsAreUsedAsGiven() {
        DatabaseSettings settings = resolve(Map.of(
                "DAEHWA_DB_URL", "jdbc:postgresql://db.internal:5433/chat",
                "DAEHWA_DB_USER", "daehwa",
                "DAEHWA_DB_PASSWORD", "s3cret"));
        assertEquals(new DatabaseSettings("jdbc:postgresql://db.internal:5433/chat", "daehwa", "s3cret"), settings);
        assertTrue(settings.isPostgres());
    }

    @Test
    void explicitUrlWinsOverDatabaseUrl() {
        DatabaseSettings settings = resolve(Map.of(
                "DAEHWA_DB_URL", "jdbc:postgresql://mine/chat",
                "DAEHWA_DB_USER", "me",
                "DATABASE_URL", HEROKU,
                "DAEHWA_DATA_DIR", "/srv/daehwa"));
        assertEquals(new DatabaseSettings("jdbc:postgresql://mine/chat", "me", null), settings);
    }

    @Test
    void explicitUrlWithoutCredentialsLeavesThemNull() {
        assertEquals(new DatabaseSettings("jdbc:h2:mem:test", null, null),
                resolve(Map.of("DAEHWA_DB_URL", "jdbc:h2:mem:test")));
    }

    @Test
    void credentialsWithoutAUrlAreNotUsedForTheDefault() {
        DatabaseSettings settings = resolve(Map.of("DAEHWA_DB_USER", "me", "DAEHWA_DB_PASSWORD", "pw",
                "DAEHWA_DATA_DIR", "/srv/daehwa"));
        assertEquals(new DatabaseSettings(h2Url(Path.of("/srv/daehwa")), "daehwa", ""), settings);
    }

    // ---------------------------------------------------------------- DATABASE_URL

    @Test
    void herokuUrlBecomesJdbcUrlUserAndDecodedPassword() {
        DatabaseSettings settings = resolve(Map.of("DATABASE_URL", HEROKU));
        assertEquals("jdbc:postgresql://host:5432/db?sslmode=require", settings.jdbcUrl());
        assertEquals("user", settings.user());
        assertEquals("p@ss", settings.password());
        assertTrue(settings.isPostgres());
        assertEquals("jdbc:postgresql://host:5432/db", settings.describe());
    }

    @Test
    void databaseUrlWinsOverTheDataDir() {
        DatabaseSettings settings = resolve(Map.of("DATABASE_URL", HEROKU, "DAEHWA_DATA_DIR", "/srv/daehwa"));
        assertEquals("jdbc:postgresql://host:5432/db?sslmode=require", settings.jdbcUrl());
    }

    @Test
    void postgresqlSchemeIsAcceptedToo() {
        assertEquals(new DatabaseSettings("jdbc:postgresql://db.example.com:6543/chat", "app", "pw"),
                resolve(Map.of("DATABASE_URL", "postgresql://app:pw@db.example.com:6543/chat")));
    }

    @Test
    void portIsOptional() {
        assertEquals(new DatabaseSettings("jdbc:postgresql://db.example.com/chat", "app", "pw"),
                resolve(Map.of("DATABASE_URL", "postgres://app:pw@db.example.com/chat")));
    }

    @Test
    void credentialsAreOptional() {
        assertEquals(new DatabaseSettings("jdbc:postgresql://localhost:5432/chat", null, null),
                resolve(Map.of("DATABASE_URL", "postgres://localhost:5432/chat")));
        assertEquals(new DatabaseSettings("jdbc:postgresql://localhost/chat", "app", null),
                resolve(Map.of("DATABASE_URL", "postgres://app@localhost/chat")));
    }

    @Test
    void percentEncodedUserAndPasswordAreDecoded() {
        DatabaseSettings settings = resolve(Map.of("DATABASE_URL",
                "postgres://app%2Buser:p%3Aw%2Fd%3F%23%25%20%EB%B9%84@db/chat"));
        assertEquals("app+user", settings.user());
        assertEquals("p:w/d?#% 비", settings.password());
        assertEquals("jdbc:postgresql://db/chat", settings.jdbcUrl());
    }

    @Test
    void aColonInThePasswordSplitsOnlyOnce() {
        DatabaseSettings settings = resolve(Map.of("DATABASE_URL", "postgres://app:a:b:c@db/chat"));
        assertEquals("app", settings.user());
        assertEquals("a:b:c", settings.password());
    }

    @Test
    void queryIsPassedThroughRaw() {
        assertEquals("jdbc:postgresql://db:5432/chat?sslmode=require&ApplicationName=daehwa%20web",
                resolve(Map.of("DATABASE_URL",
                        "postgres://u:p@db:5432/chat?sslmode=require&ApplicationName=daehwa%20web")).jdbcUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://u:p@host:3306/db", "http://host/db", "jdbc:postgresql://host/db",
            "postgre://host/db", "POSTGRESS://host/db"})
    void otherSchemesAreRejected(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resolve(Map.of("DATABASE_URL", url)));
        assertEquals("DATABASE_URL must look like postgres://user:password@host:port/database", e.getMessage());
    }

    @Test
    void aUrlWithoutSchemeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resolve(Map.of("DATABASE_URL", "host:5432/db")));
        assertTrue(e.getMessage().startsWith("DATABASE_URL must look like postgres://"), e.getMessage());
    }

    // ---------------------------------------------------------------- embedded default

    @Test
    void defaultIsAnH2FileUnderDotData() {
        DatabaseSettings settings = resolve(Map.of());
        Path expectedDir = Path.of("data").toAbsolutePath().normalize();
        assertEquals(new DatabaseSettings(h2Url(expectedDir), "daehwa", ""), settings);
        assertFalse(settings.isPostgres());
    }

    @Test
    void defaultFilePathIsAbsolute() {
        String url = resolve(Map.of()).jdbcUrl();
        String file = url.substring("jdbc:h2:file:".length(), url.indexOf(';'));
        assertTrue(Path.of(file).isAbsolute(), file);
        assertTrue(file.endsWith(Path.of("data", "daehwa").toString()), file);
    }

    @Test
    void dataDirIsHonoured(@TempDir Path dir) {
        DatabaseSettings settings = resolve(Map.of("DAEHWA_DATA_DIR", dir.toString()));
        assertEquals(h2Url(dir.toAbsolutePath().normalize()), settings.jdbcUrl());
        assertEquals("daehwa", settings.user());
        assertEquals("", settings.password());
    }

    @Test
    void relativeDataDirIsMadeAbsoluteAndNormalised() {
        DatabaseSettings settings = resolve(Map.of("DAEHWA_DATA_DIR", "var/./tmp/../chat"));
        Path expected = Path.of("").toAbsolutePath().resolve("var").resolve("chat");
        assertEquals(h2Url(expected), settings.jdbcUrl());
    }

    // ---------------------------------------------------------------- describe

    @Test
    void describeHidesQueryParameters() {
        DatabaseSettings settings = resolve(Map.of("DAEHWA_DB_URL",
                "jdbc:postgresql://db:5432/chat?user=app&password=hunter2&sslmode=require"));
        assertEquals("jdbc:postgresql://db:5432/chat", settings.describe());
    }

    @Test
    void describeKeepsAUrlWithoutQuery() {
        assertEquals("jdbc:postgresql://db:5432/chat",
                new DatabaseSettings("jdbc:postgresql://db:5432/chat", "u", "p").describe());
        DatabaseSettings h2 = resolve(Map.of("DAEHWA_DATA_DIR", "/srv/daehwa"));
        assertEquals(h2.jdbcUrl(), h2.describe());
    }

    @Test
    void describeNeverShowsTheDatabaseUrlPassword() {
        DatabaseSettings settings = resolve(Map.of("DATABASE_URL", "postgres://app:hunter2@db:5432/chat"));
        assertFalse(settings.describe().contains("hunter2"), settings.describe());
        assertFalse(settings.describe().contains("app"), settings.describe());
    }

    // ------------------------------------------------------------ found by these tests, now fixed

    @Test
    void aLiteralPlusInThePasswordIsKept() {
        assertEquals("a+b", resolve(Map.of("DATABASE_URL", "postgres://app:a+b@db/chat")).password());
    }

    @Test
    void aHostWithAnUnderscoreKeepsHostAndCredentials() {
        DatabaseSettings settings = resolve(Map.of("DATABASE_URL", "postgres://app:pw@daehwa_db:5432/chat"));
        assertEquals(new DatabaseSettings("jdbc:postgresql://daehwa_db:5432/chat", "app", "pw"), settings);
    }
}
