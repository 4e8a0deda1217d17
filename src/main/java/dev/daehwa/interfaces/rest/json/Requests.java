package dev.daehwa.interfaces.rest.json;

import dev.daehwa.domain.error.InvalidInputException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Request bodies. Fields are boxed and nullable so that a missing field reaches the domain's
 * validation (400 with a field error) instead of silently becoming 0.
 */
public final class Requests {

    private Requests() {
    }

    public record Register(String username, String password, String email, String displayName) {
    }

    public record Login(String username, String password) {
    }

    public record CreateToken(String name) {
    }

    public record ChangePassword(String currentPassword, String newPassword, Boolean signOutOthers) {
    }

    public record SignOutEverywhere(Boolean tokens) {
    }

    public record CreateRoom(String name, String description, List<String> members) {
    }

    public record UpdateRoom(String name, String description) {
    }

    public record AddMember(String username) {
    }

    public record OpenDirect(String username) {
    }

    public record MarkRead(Long seq) {
    }

    /**
     * {@code replyTo} is read as it came, so that a value of the wrong type is refused as that
     * field ({@link #replyToId}) rather than as a body that could not be read.
     */
    public record PostMessage(Long roomId, String content, String clientMessageId,
                              @Schema(type = SchemaType.INTEGER, format = "int64", nullable = true,
                                      description = "The id of the message this one answers: a message of the same"
                                              + " room that is not deleted")
                              JsonValue replyTo) {

        /** The id of the message this one answers, or null for none. */
        public Long replyToId() {
            if (replyTo == null || replyTo.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (replyTo instanceof JsonNumber number && number.isIntegral()) {
                try {
                    return number.longValueExact();
                } catch (ArithmeticException tooLarge) {
                    // refused below like any other value that is no message id
                }
            }
            throw InvalidInputException.of("replyTo", "type", "replyTo must be the id of a message, a number.");
        }
    }

    public record NotificationSettings(String email, List<Long> mutedRooms, Boolean mentions) {
    }

    public record EditMessage(String content) {
    }

    public record ChangeEmail(String email) {
    }

    public record ConfirmEmail(String token) {
    }
}
