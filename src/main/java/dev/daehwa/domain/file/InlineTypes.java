package dev.daehwa.domain.file;

import java.util.Set;

/**
 * The content types a browser may show in the page rather than download: raster images, which
 * run no script. SVG (an XML document that may carry script) and HTML are always downloads.
 */
public final class InlineTypes {

    private static final Set<String> SHOWN = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private InlineTypes() {
    }

    public static boolean shownInline(String contentType) {
        return SHOWN.contains(contentType);
    }
}
