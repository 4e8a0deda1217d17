package dev.daehwa.domain.error;

/** An upload is larger than one file may be, or than what is left of its uploader's quota. */
public final class TooLargeException extends DomainException {

    private TooLargeException(String detail) {
        super(detail);
    }

    public static TooLargeException file(long maxBytes) {
        return new TooLargeException("A file may have at most " + inWords(maxBytes) + ".");
    }

    public static TooLargeException quota(long quotaBytes, long used) {
        return new TooLargeException("This file does not fit in your storage quota of " + inWords(quotaBytes)
                + ": your files already take " + inWords(used) + ".");
    }

    /** The largest binary unit that divides it (GiB, MiB, KiB), so that a limit reads as it was set. */
    static String inWords(long bytes) {
        String[] units = {"GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (units.length - i));
            if (bytes >= unit && bytes % unit == 0) {
                return bytes / unit + " " + units[i];
            }
        }
        return bytes == 1 ? "1 byte" : bytes + " bytes";
    }

    @Override
    public String problemType() {
        return "too-large";
    }

    @Override
    public String title() {
        return "Too large";
    }
}
