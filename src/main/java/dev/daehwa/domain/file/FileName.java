package dev.daehwa.domain.file;

import java.text.Normalizer;

/**
 * The name a file is shown under, from whatever the uploader's client sent. It is only ever
 * displayed and offered back as a download name, never used as a path (the bytes are stored
 * under a key of their own), so any script stays; what could mislead or break a header goes:
 * path separators (a client may send {@code C:\Users\me\photo.png}), control characters, and
 * the bidirectional overrides that make {@code exe.png} read as {@code gnp.exe}.
 */
public final class FileName {

    public static final int MAX_CODE_POINTS = 255;

    static final String FALLBACK = "file";

    private FileName() {
    }

    public static String of(String sent) {
        if (sent == null) {
            return FALLBACK;
        }
        StringBuilder kept = new StringBuilder();
        Normalizer.normalize(sent, Normalizer.Form.NFC).codePoints()
                .filter(c -> !dropped(c))
                .limit(MAX_CODE_POINTS)
                .forEach(kept::appendCodePoint);
        String name = kept.toString().strip();
        return name.isEmpty() ? FALLBACK : name;
    }

    private static boolean dropped(int c) {
        return c == '/' || c == '\\' || Character.isISOControl(c) || isBidiControl(c)
                || Character.getType(c) == Character.SURROGATE;
    }

    /** U+200E/F marks, U+202A–202E embeddings and overrides, U+2066–2069 isolates. */
    private static boolean isBidiControl(int c) {
        return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
