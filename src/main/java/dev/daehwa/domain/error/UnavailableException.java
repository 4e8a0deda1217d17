package dev.daehwa.domain.error;

/**
 * A part of the app is switched off or not ready on this node (search turned off, for one). Not
 * the caller's fault and not a crash: a 503 that says what is missing.
 */
public final class UnavailableException extends DomainException {

    public UnavailableException(String detail) {
        super(detail);
    }

    @Override
    public String problemType() {
        return "unavailable";
    }

    @Override
    public String title() {
        return "Temporarily unavailable";
    }

    @Override
    public int status() {
        return 503;
    }
}
