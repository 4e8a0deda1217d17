package dev.daehwa.interfaces.rest;

import dev.daehwa.application.files.FileService;
import dev.daehwa.domain.error.DomainException;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.file.StoredFile;
import dev.daehwa.infrastructure.auth.CurrentCaller;
import dev.daehwa.interfaces.rest.json.FileJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Uploads to a room. The body is read here as it arrives ({@link MultipartFilePart}), not by the
 * request body guard, which holds API bodies in memory.
 */
@Path("rooms/{id}/files")
@RequestScoped
@Tag(name = "Files")
public class RoomFileResource {

    /** Room for the multipart headers and boundaries around a file of the largest allowed size. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    /**
     * What is read and thrown away of a refused upload before answering, so that a client still
     * sending its body gets to read the answer instead of a reset connection.
     */
    static final long DRAINED_AT_MOST = 8L * 1024 * 1024;

    @Inject
    private FileService files;

    @Inject
    private CurrentCaller caller;

    @Context
    private HttpServletRequest request;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a file to a room",
            description = "multipart/form-data with one part named file, carrying its filename. The content type is"
                    + " read from the bytes, never taken from the client. A file may have DAEHWA_FILE_MAX_BYTES"
                    + " (default 25 MiB), and all of one uploader's files together DAEHWA_FILE_QUOTA_BYTES"
                    + " (default 1 GiB); the limits are counted while the body streams in. Members only.")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
            properties = @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary"))))
    @APIResponse(responseCode = "201", description = "The stored file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FileJson.class)))
    @APIResponse(responseCode = "400", description = "Not multipart/form-data, or no part named file")
    @APIResponse(responseCode = "404", description = "No such room, or not a member")
    @APIResponse(responseCode = "413", description = "Larger than DAEHWA_FILE_MAX_BYTES, or past the uploader's"
            + " DAEHWA_FILE_QUOTA_BYTES; the problem's detail says which")
    public Response upload(@PathParam("id") long roomId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           InputStream body) {
        long userId = caller.requireUserId();
        try {
            files.checkAnnounced(userId, roomId, request.getContentLengthLong(), MULTIPART_OVERHEAD);
            MultipartFilePart part = MultipartFilePart.open(contentType, body);
            StoredFile file = files.upload(userId, roomId, part.filename(), part.content());
            return Response.status(Response.Status.CREATED)
                    .entity(FileJson.of(file, request.getContextPath()))
                    .build();
        } catch (DomainException refused) {
            drain(body);
            throw refused;
        } catch (IOException cutOff) {
            // The client stopped sending (or its connection broke): nothing was kept, and nobody is
            // left to read an answer, so this is no incident of the server's.
            throw InvalidInputException.of("file", "incomplete", "The upload ended before its body did.");
        }
    }

    private static void drain(InputStream body) {
        try {
            byte[] discard = new byte[64 * 1024];
            long drained = 0;
            int n;
            while (drained < DRAINED_AT_MOST && (n = body.read(discard)) >= 0) {
                drained += n;
            }
        } catch (IOException gone) {
            // the client stopped sending: there is nobody left to answer
        }
    }
}
