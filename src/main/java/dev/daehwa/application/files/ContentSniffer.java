package dev.daehwa.application.files;

/** Says what a file is from its first bytes, whatever its name or the client claims. */
public interface ContentSniffer {

    /** A media type without parameters, e.g. {@code image/png}; {@code application/octet-stream} when unknown. */
    String sniff(byte[] head);
}
