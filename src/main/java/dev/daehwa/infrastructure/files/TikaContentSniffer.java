package dev.daehwa.infrastructure.files;

import dev.daehwa.application.files.ContentSniffer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.tika.Tika;

/**
 * Apache Tika's magic-number detection over the first bytes only: no file name is given to it, so
 * {@code evil.png} holding HTML is {@code text/html}, and no parser runs on uploaded content.
 */
@ApplicationScoped
public class TikaContentSniffer implements ContentSniffer {

    private static final Tika TIKA = new Tika();

    @Override
    public String sniff(byte[] head) {
        String type = TIKA.detect(head);
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).strip();
    }
}
