package dev.daehwa.infrastructure.auth;

import dev.daehwa.application.auth.CallerCredential;
import dev.daehwa.domain.error.AuthenticationRequiredException;
import dev.daehwa.infrastructure.auth.CallerIdentity.AuthMethod;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/** Who is making this request, as a user id. */
@RequestScoped
public class CurrentCaller {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private HttpServletRequest request;

    public Optional<Long> userId() {
        Principal principal = securityContext.getCallerPrincipal();
        if (principal == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(principal.getName()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The token or login this request was authenticated with. */
    public Optional<CallerCredential> credential() {
        return RequestCredentials.of(request.getHeader("Authorization"), request.getSession(false));
    }

    /** The caller's id, or a 401 explaining how to authenticate. */
    public long requireUserId() {
        return userId().orElseThrow(() -> request.getAttribute(CallerIdentity.AUTH_METHOD_ATTRIBUTE) == AuthMethod.INVALID_BEARER
                ? new AuthenticationRequiredException("The API token is invalid or has been revoked.")
                : AuthenticationRequiredException.loginRequired());
    }
}
