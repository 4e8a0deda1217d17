package dev.daehwa.domain.error;

/** No valid session or token came with a request that needs one, or the credentials were wrong. */
public final class AuthenticationRequiredException extends DomainException {

    public AuthenticationRequiredException(String detail) {
        super(detail);
    }

    public static AuthenticationRequiredException loginRequired() {
        return new AuthenticationRequiredException("Log in, or send 'Authorization: Bearer <token>'.");
    }

    public static AuthenticationRequiredException badCredentials() {
        // One message whether or not the username exists, so accounts cannot be enumerated.
        return new AuthenticationRequiredException("Wrong username or password.");
    }

    @Override
    public String problemType() {
        return "unauthorized";
    }

    @Override
    public String title() {
        return "Unauthorized";
    }
}
