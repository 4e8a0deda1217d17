package dev.daehwa.domain.error;

/** The request clashes with the current state: a taken username, an owner trying to leave. */
public class ConflictException extends DomainException {

    public ConflictException(String detail) {
        super(detail);
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
