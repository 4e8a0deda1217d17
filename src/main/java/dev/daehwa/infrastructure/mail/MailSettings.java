package dev.daehwa.infrastructure.mail;

import dev.daehwa.infrastructure.http.PublicAddress;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SMTP server and the addresses of notification emails, from the environment:
 * {@code DAEHWA_SMTP_HOST} (unset: email is off), {@code DAEHWA_SMTP_PORT} (587),
 * {@code DAEHWA_SMTP_USER} and {@code DAEHWA_SMTP_PASSWORD} (unset: no login),
 * {@code DAEHWA_SMTP_STARTTLS} (true or false; by default true exactly when there is a login,
 * so that a password never crosses the network in the clear), {@code DAEHWA_MAIL_FROM} and
 * {@code DAEHWA_BASE_URL} (where the links in emails point).
 */
@ApplicationScoped
public class MailSettings {

    private static final Logger LOG = Logger.getLogger(MailSettings.class.getName());

    /** Generous, but bounded: a hung SMTP server must not hold a worker (or a shutdown) forever. */
    private static final String CONNECT_TIMEOUT_MILLIS = "30000";
    private static final String IO_TIMEOUT_MILLIS = "60000";

    @Inject
    @ConfigProperty(name = "DAEHWA_SMTP_HOST")
    private Optional<String> host;

    @Inject
    @ConfigProperty(name = "DAEHWA_SMTP_PORT", defaultValue = "587")
    private String port;

    @Inject
    @ConfigProperty(name = "DAEHWA_SMTP_USER")
    private Optional<String> user;

    @Inject
    @ConfigProperty(name = "DAEHWA_SMTP_PASSWORD")
    private Optional<String> password;

    @Inject
    @ConfigProperty(name = "DAEHWA_SMTP_STARTTLS")
    private Optional<String> startTls;

    @Inject
    @ConfigProperty(name = "DAEHWA_MAIL_FROM", defaultValue = "Daehwa <daehwa@localhost>")
    private String from;

    @Inject
    private PublicAddress address;

    private InternetAddress fromAddress;
    private URI base;

    @PostConstruct
    void check() {
        try {
            fromAddress = new InternetAddress(from.strip(), true);
        } catch (AddressException e) {
            throw new IllegalStateException("DAEHWA_MAIL_FROM is not an email address: " + from, e);
        }
        base = address.uri();
        if (isConfigured() && base.getHost().equals("localhost")) {
            LOG.warning(() -> "DAEHWA_BASE_URL is " + base + ": links in notification emails point to localhost."
                    + " Set it to the address people open Daehwa at.");
        }
    }

    public boolean isConfigured() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    /** The Jakarta Mail session properties for the configured server. */
    Properties sessionProperties() {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host.orElseThrow().strip());
        properties.put("mail.smtp.port", port.strip());
        properties.put("mail.smtp.connectiontimeout", CONNECT_TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", IO_TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", IO_TIMEOUT_MILLIS);
        properties.put("mail.smtp.auth", Boolean.toString(login().isPresent()));
        if (startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        return properties;
    }

    private boolean startTls() {
        return startTls.map(value -> value.strip().toLowerCase(Locale.ROOT))
                .map(value -> value.equals("true") || value.equals("yes") || value.equals("1"))
                .orElse(login().isPresent());
    }

    /** User and password, when the server wants a login. */
    Optional<String[]> login() {
        return user.filter(u -> !u.isBlank()).map(u -> new String[] {u.strip(), password.orElse("")});
    }

    InternetAddress from() {
        return fromAddress;
    }

    /** The app's public address, ending in '/'. */
    URI base() {
        return base;
    }

    /** Where this server's notifications come from, for their Message-IDs. */
    String host() {
        return base.getHost();
    }

    String describe() {
        return host.orElse("") + ":" + port.strip() + (startTls() ? " (STARTTLS)" : "")
                + login().map(l -> " as " + l[0]).orElse("");
    }
}
