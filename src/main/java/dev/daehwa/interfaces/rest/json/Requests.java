package dev.daehwa.interfaces.rest.json;

import java.util.List;

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

    public record PostMessage(Long roomId, String content, String clientMessageId) {
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
