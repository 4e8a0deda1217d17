package dev.daehwa.infrastructure.auth;

import dev.daehwa.application.auth.ApiTokenService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Recognises personal API tokens; a deleted token fails on the very next request. */
@ApplicationScoped
public class ApiTokenIdentityStore implements IdentityStore {

    @Inject
    private ApiTokenService tokens;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof ApiTokenCredential token)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return tokens.authenticate(token.secret())
                .map(user -> new CredentialValidationResult(
                        new CallerPrincipal(CallerIdentity.principalName(user.id())), Set.of(CallerIdentity.USER_GROUP)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
