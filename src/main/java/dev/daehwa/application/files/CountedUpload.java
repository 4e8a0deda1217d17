package dev.daehwa.application.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An upload as it streams in: counted, so that it fails the moment it passes its allowance
 * (never after it has been stored whole); hashed, for the ETag; and its first bytes kept, for
 * sniffing. Only {@link #HEAD_BYTES} are ever held in memory.
 */
final class CountedUpload extends FilterInputStream {

    static final int HEAD_BYTES = 64 * 1024;

    private final long allowance;
    private final MessageDigest sha256;
    private final byte[] head = new byte[HEAD_BYTES];
    private int headLength;
    private long size;

    CountedUpload(InputStream in, long allowance) {
        super(in);
        this.allowance = allowance;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The content passed its allowance; {@link #size()} says how far it got. */
    static final class OverAllowance extends IOException {

        OverAllowance() {
            super("the upload passed its allowance");
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            size += n;
            if (size > allowance) {
                throw new OverAllowance();
            }
            sha256.update(b, off, n);
            int toHead = Math.min(n, HEAD_BYTES - headLength);
            System.arraycopy(b, off, head, headLength, toHead);
            headLength += toHead;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("an upload is read whole");
    }

    long size() {
        return size;
    }

    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    byte[] head() {
        return Arrays.copyOf(head, headLength);
    }
}
