package dev.daehwa.interfaces.rest;

import dev.daehwa.application.files.FileService;
import dev.daehwa.infrastructure.auth.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Downloads of stored files, for the members of their rooms. */
@Path("files")
@RequestScoped
@Tag(name = "Files")
public class FileResource {

    @Inject
    private FileService files;

    @Inject
    private CurrentCaller caller;

    @GET
    @Path("{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a file",
            description = "The bytes, for members of the file's room (404 to anyone else, as for a missing file)."
                    + " A strong ETag (If-None-Match answers 304) and one Range: bytes=a-b (206, or 416 past the end)."
                    + " PNG, JPEG, GIF and WebP are inline, everything else an attachment; the filename is in RFC 6266"
                    + " form. Served with X-Content-Type-Options: nosniff and Content-Security-Policy: sandbox.")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "206", description = "The asked range, with Content-Range")
    @APIResponse(responseCode = "304", description = "The ETag in If-None-Match is still the file's")
    @APIResponse(responseCode = "404", description = "No such file, not a member of its room, or its bytes are gone")
    @APIResponse(responseCode = "416", description = "The range starts past the end of the file")
    public Response download(@PathParam("id") long fileId, @HeaderParam("Range") String range,
                             @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) throws IOException {
        return FileDownload.answer(files.download(caller.requireUserId(), fileId), range, ifNoneMatch);
    }

}
