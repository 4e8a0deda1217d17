package dev.daehwa.infrastructure.auth;

import dev.daehwa.infrastructure.auth.CallerIdentity.AuthMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.Set;

/**
 * Two ways in: {@code Authorization: Bearer <token>} for programs; for browsers and JSON clients
 * that logged in, the session, or, on a node that has no session for it yet, the login cookie.
 * Neither is required here: requests without credentials pass through anonymously, and each
 * endpoint decides whether it needs a caller, so that refusals come back as problem+json rather
 * than a bare container 401.
 */
@ApplicationScoped
public class DaehwaAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private HttpSessionLogin sessionLogin;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Optional<String> bearer = RequestCredentials.bearerSecret(request.getHeader("Authorization"));
        if (bearer.isPresent()) {
            CredentialValidationResult result = identityStores.validate(new ApiTokenCredential(bearer.get()));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                request.setAttribute(CallerIdentity.AUTH_METHOD_ATTRIBUTE, AuthMethod.BEARER);
                return context.notifyContainerAboutLogin(result);
            }
            request.setAttribute(CallerIdentity.AUTH_METHOD_ATTRIBUTE, AuthMethod.INVALID_BEARER);
            return context.doNothing();
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CallerIdentity.SESSION_USER_ATTRIBUTE) instanceof Long userId) {
            if (sessionLogin.stillLoggedIn(request, response, session)) {
                return sessionLogin(request, context, userId);
            }
            return context.doNothing();
        }
        // No session here, but maybe a login another node (or this one, before a restart) began.
        return sessionLogin.resume(request, response)
                .map(userId -> sessionLogin(request, context, userId))
                .orElseGet(context::doNothing);
    }

    private static AuthenticationStatus sessionLogin(HttpServletRequest request, HttpMessageContext context, long userId) {
        request.setAttribute(CallerIdentity.AUTH_METHOD_ATTRIBUTE, AuthMethod.SESSION);
        return context.notifyContainerAboutLogin(
                new CallerPrincipal(CallerIdentity.principalName(userId)), Set.of(CallerIdentity.USER_GROUP));
    }
}
