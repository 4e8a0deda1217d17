package dev.daehwa.domain.message;

/**
 * Text that counts every character read from it, through {@link #charAt}, or copied out of it by
 * {@link #toString} (of the text or of any part of it): the work a scan of the text does, counted
 * instead of timed.
 */
final class CountingText implements CharSequence {

    private final String text;
    private final int offset;
    private final int length;
    private final long[] reads;

    CountingText(String text) {
        this(text, 0, text.length(), new long[1]);
    }

    private CountingText(String text, int offset, int length, long[] reads) {
        this.text = text;
        this.offset = offset;
        this.length = length;
        this.reads = reads;
    }

    long reads() {
        return reads[0];
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        reads[0]++;
        return text.charAt(offset + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end > length || start > end) {
            throw new IndexOutOfBoundsException(start + ".." + end);
        }
        return new CountingText(text, offset + start, end - start, reads);
    }

    @Override
    public String toString() {
        reads[0] += length;
        return text.substring(offset, offset + length);
    }
}
