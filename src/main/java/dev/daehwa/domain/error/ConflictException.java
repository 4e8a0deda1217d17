package dev.daehwa.domain.error;

import java.util.List;

/** The request clashes with the current state: a taken username, an owner trying to leave. */
public class ConflictException extends DomainException {

    private final String field;

    public ConflictException(String detail) {
        this(detail, null);
    }

    /** A conflict caused by one input field (a taken username), so a form can show it there. */
    public ConflictException(String detail, String field) {
        super(detail);
        this.field = field;
    }

    @Override
    public List<FieldError> fieldErrors() {
        return field == null ? List.of() : List.of(new FieldError(field, getMessage()));
    }

    @Override
    public String problemType() {
        return "conflict";
    }

    @Override
    public String title() {
        return "Conflict";
    }

    @Override
    public int status() {
        return 409;
    }
}
