package dev.daehwa.interfaces.problem;

import dev.daehwa.domain.error.DomainException;
import dev.daehwa.domain.error.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * An RFC 9457 problem document. Written with JSON-P rather than a data binding so that the very
 * same bytes come from JAX-RS exception mappers and from plain servlets (body guard, error page).
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem that only restates the HTTP status: RFC 9457 says its type is about:blank. */
    public static Problem ofStatus(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(typeUri(slug), title, status, detail, List.of());
    }

    public static Problem of(DomainException e) {
        return new Problem(typeUri(e.problemType()), e.title(), ProblemStatus.of(e), e.getMessage(), e.fieldErrors());
    }

    public static String typeUri(String slug) {
        return "urn:daehwa:problem:" + slug;
    }

    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            errors.forEach(e -> list.add(Json.createObjectBuilder()
                    .add("field", e.field()).add("code", e.code()).add("message", e.message())));
            json.add("errors", list);
        }
        return json.build().toString();
    }
}
