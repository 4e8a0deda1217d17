package dev.daehwa.interfaces.rest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code Range: bytes=…} of a download (RFC 9110 §14): {@code a-b}, {@code a-} or the last
 * {@code -n} bytes. Several ranges at once are answered with the whole file, which the RFC
 * allows; so is a header that is not a byte range at all.
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** What a Range header asks of a file of this size. */
    sealed interface Asked permits Whole, Part, Unsatisfiable {
    }

    /** No range, or one this server does not serve as a part: the whole file, 200. */
    record Whole() implements Asked {
    }

    /** 206 with these bytes. */
    record Part(ByteRange range) implements Asked {
    }

    /** 416: the range starts past the end. */
    record Unsatisfiable() implements Asked {
    }

    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    static Asked parse(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Whole();
        }
        Optional<ByteRange> range;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            range = suffix == 0 || size == 0 ? Optional.empty()
                    : Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        } else {
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
            if (last < first) {
                return new Whole();
            }
            range = first >= size ? Optional.empty() : Optional.of(new ByteRange(first, Math.min(last, size - 1)));
        }
        return range.<Asked>map(Part::new).orElseGet(Unsatisfiable::new);
    }
}
