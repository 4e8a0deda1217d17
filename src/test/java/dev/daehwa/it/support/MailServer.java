package dev.daehwa.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a fixed port for the whole run: the server
 * under test is started with DAEHWA_SMTP_HOST/PORT pointing at it and sends its notification
 * emails over the network. {@link #stop()} and {@link #start()} simulate an outage.
 */
public final class MailServer implements AutoCloseable {

    private final int port;
    /** What earlier runs of the SMTP server received, before an outage. */
    private final List<ReceivedEmail> beforeStops = new ArrayList<>();
    private GreenMail smtp;
    private HungSmtp hung;

    private MailServer(int port) {
        this.port = port;
    }

    static MailServer start(int port) {
        MailServer server = new MailServer(port);
        server.start();
        return server;
    }

    public int port() {
        return port;
    }

    /** The environment that points the app at this server. */
    Map<String, String> environment() {
        return Map.of(
                "DAEHWA_SMTP_HOST", "127.0.0.1",
                "DAEHWA_SMTP_PORT", Integer.toString(port),
                "DAEHWA_SMTP_STARTTLS", "false",
                "DAEHWA_MAIL_FROM", "Daehwa Test <daehwa@example.test>");
    }

    public synchronized void start() {
        if (hung != null) {
            hung.close();
            hung = null;
        }
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
    }

    /** Stops accepting mail: connections to the port are refused until {@link #start()}. */
    public synchronized void stop() {
        if (smtp != null) {
            beforeStops.addAll(current());
            smtp.stop();
            smtp = null;
        }
    }

    /**
     * Stops the SMTP server and listens on its port without ever answering, as a mail server that
     * hangs does: the app's connection is accepted and then waits for a greeting that never comes.
     * {@link #start()} drops those connections and answers again.
     */
    public synchronized HungSmtp hang() {
        stop();
        hung = HungSmtp.listen(port);
        return hung;
    }

    /**
     * Every notification email received so far for this address. The emails that confirm an
     * address, which every new user is sent, are left out: see {@link #confirmationsTo}.
     */
    public List<ReceivedEmail> emailsTo(String address) {
        return allTo(address).stream().filter(email -> !email.isConfirmation()).toList();
    }

    /** Every address confirmation email received so far for this address, oldest first. */
    public List<ReceivedEmail> confirmationsTo(String address) {
        return allTo(address).stream().filter(ReceivedEmail::isConfirmation).toList();
    }

    private synchronized List<ReceivedEmail> allTo(String address) {
        List<ReceivedEmail> all = new ArrayList<>(beforeStops);
        all.addAll(current());
        return all.stream().filter(email -> email.isTo(address)).toList();
    }

    /** Waits until at least {@code count} notification emails have arrived for the address, and returns them all. */
    public List<ReceivedEmail> awaitEmailsTo(String address, int count, Duration timeout) {
        return await(() -> emailsTo(address), address, count, timeout);
    }

    /** Waits until at least {@code count} confirmation emails have arrived for the address, and returns them all. */
    public List<ReceivedEmail> awaitConfirmationsTo(String address, int count, Duration timeout) {
        return await(() -> confirmationsTo(address), address, count, timeout);
    }

    private static List<ReceivedEmail> await(java.util.function.Supplier<List<ReceivedEmail>> received, String address,
            int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<ReceivedEmail> emails = received.get();
            if (emails.size() >= count) {
                return emails;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Expected " + count + " email(s) to " + address + " within " + timeout
                        + ", got " + emails.size());
            }
            Pause.of(Duration.ofMillis(100));
        }
    }

    /** What the running SMTP server holds. */
    private List<ReceivedEmail> current() {
        if (smtp == null) {
            return List.of();
        }
        List<ReceivedEmail> emails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                emails.add(ReceivedEmail.of(message));
            } catch (MessagingException | java.io.IOException e) {
                throw new IllegalStateException("Could not read a received email", e);
            }
        }
        return emails;
    }

    @Override
    public void close() {
        stop();
    }
}
