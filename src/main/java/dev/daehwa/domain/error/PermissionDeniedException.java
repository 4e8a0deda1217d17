package dev.daehwa.domain.error;

/** The caller can see the thing but this action on it is not theirs to take. */
public final class PermissionDeniedException extends DomainException {

    public PermissionDeniedException(String detail) {
        super(detail);
    }

    @Override
    public String problemType() {
        return "forbidden";
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
