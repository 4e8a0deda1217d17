package dev.daehwa.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The REST API under {@code /api}. The contract (paths, shapes, status codes) is described by the
 * annotations on the resources and served as OpenAPI at {@code /openapi}.
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Daehwa API", version = "1",
        description = """
                Team chat API. JSON is UTF-8, times are ISO-8601 UTC. Errors are RFC 9457
                application/problem+json. Authenticate with the session cookie from
                POST /api/auth/login (then send X-Requested-With: XMLHttpRequest on POST, PUT,
                PATCH and DELETE) or with Authorization: Bearer <token>."""))
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer"),
        @SecurityScheme(securitySchemeName = "session", type = SecuritySchemeType.APIKEY,
                apiKeyName = "JSESSIONID", in = org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn.COOKIE)
})
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // No WADL: the contract is published as OpenAPI, and an extra document is extra surface.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
