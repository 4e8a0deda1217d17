package dev.daehwa.domain.error;

import java.util.List;

/** The request clashes with the current state: a taken username, an owner trying to leave. */
public final class ConflictException extends DomainException {

    private final FieldRefusal refusal;

    public ConflictException(String detail) {
        this(detail, null);
    }

    /** A conflict caused by one input field (a taken username), so a form can show it there. */
    public ConflictException(String detail, FieldRefusal refusal) {
        super(detail);
        this.refusal = refusal;
    }

    @Override
    public List<FieldError> fieldErrors() {
        return refusal == null ? List.of() : List.of(refusal.error(getMessage()));
    }

    @Override
    public String problemType() {
        return "conflict";
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
