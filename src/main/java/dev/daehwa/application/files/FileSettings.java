package dev.daehwa.application.files;

import dev.daehwa.domain.file.FileLimits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The file limits this server was given: DAEHWA_FILE_MAX_BYTES and DAEHWA_FILE_QUOTA_BYTES. */
@ApplicationScoped
public class FileSettings {

    @Inject
    @ConfigProperty(name = "DAEHWA_FILE_MAX_BYTES", defaultValue = "" + FileLimits.DEFAULT_MAX_BYTES)
    long maxBytes;

    @Inject
    @ConfigProperty(name = "DAEHWA_FILE_QUOTA_BYTES", defaultValue = "" + FileLimits.DEFAULT_QUOTA_BYTES)
    long quotaBytes;

    private FileLimits limits;

    @PostConstruct
    void configure() {
        limits = new FileLimits(maxBytes, quotaBytes);
    }

    public FileLimits limits() {
        return limits;
    }
}
