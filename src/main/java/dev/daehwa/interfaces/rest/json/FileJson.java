package dev.daehwa.interfaces.rest.json;

import dev.daehwa.domain.file.StoredFile;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored file, as its upload answers it. */
@Schema(description = "A file stored in a room")
public record FileJson(
        long id,
        @Schema(description = "The name it is shown and downloaded under: the client's, in NFC, without path"
                + " separators or control characters, at most 255 characters; \"file\" when none is left") String name,
        @Schema(description = "Its size in bytes") long size,
        @Schema(description = "What its bytes are, as read from them (never the client's claim), e.g. image/png")
        String contentType,
        @Schema(description = "Image details; null for now") Object image,
        @Schema(description = "Where to download it: GET, for members of its room") String url,
        @Schema(description = "A small preview; null for now") String thumbnailUrl) {

    /** {@code contextPath} is the app's, e.g. "" or "/daehwa", so that the url works behind any context root. */
    public static FileJson of(StoredFile file, String contextPath) {
        return new FileJson(file.id(), file.name(), file.size(), file.contentType(), null,
                contextPath + "/api/files/" + file.id(), null);
    }
}
