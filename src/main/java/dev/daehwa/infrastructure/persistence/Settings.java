package dev.daehwa.infrastructure.persistence;

import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads a setting through MicroProfile Config (environment variables, system properties,
 * microprofile-config.properties) where it is available. The data source is created by the
 * container before CDI runs, so this falls back to the environment and system properties.
 */
final class Settings {

    private Settings() {
    }

    static Optional<String> get(String name) {
        try {
            return ConfigProvider.getConfig(Settings.class.getClassLoader())
                    .getOptionalValue(name, String.class)
                    .filter(value -> !value.isBlank());
        } catch (RuntimeException | LinkageError configNotReady) {
            String value = System.getenv(name);
            if (value == null) {
                value = System.getProperty(name);
            }
            return Optional.ofNullable(value).filter(v -> !v.isBlank());
        }
    }
}
