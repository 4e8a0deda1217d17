package dev.daehwa.infrastructure.http;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address people open Daehwa at, {@code DAEHWA_BASE_URL}: where links in emails point, and,
 * when it is {@code https://}, the promise that every browser reaches Daehwa over TLS, so cookies
 * are Secure and HSTS is sent even where the proxy in front does not say how the client came.
 */
@ApplicationScoped
public class PublicAddress {

    static final String DEFAULT = "http://localhost:8080/";

    @Inject
    @ConfigProperty(name = "DAEHWA_BASE_URL", defaultValue = DEFAULT)
    String setting;

    private URI base;

    public PublicAddress() {
    }

    /** For tests and non-CDI callers: the setting's value, as the environment would give it. */
    public PublicAddress(String setting) {
        this.setting = setting;
        parse();
    }

    @PostConstruct
    void parse() {
        String url = (setting == null || setting.isBlank() ? DEFAULT : setting).strip();
        URI parsed = URI.create(url.endsWith("/") ? url : url + "/");
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!parsed.isAbsolute() || parsed.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalStateException("DAEHWA_BASE_URL must be an absolute http(s) URL, not " + setting);
        }
        base = parsed;
    }

    /** The address, ending in '/'. */
    public URI uri() {
        return base;
    }

    public boolean isHttps() {
        return base.getScheme().equalsIgnoreCase("https");
    }
}
