package dev.daehwa.domain.error;

/**
 * The thing does not exist, or the caller may not know that it exists. Rooms a caller is not a
 * member of are reported with exactly this exception, so room ids cannot be probed.
 */
public final class NotFoundException extends DomainException {

    public NotFoundException(String detail) {
        super(detail);
    }

    public static NotFoundException room() {
        return new NotFoundException("No such room.");
    }

    public static NotFoundException message() {
        return new NotFoundException("No such message.");
    }

    public static NotFoundException file() {
        return new NotFoundException("No such file.");
    }

    public static NotFoundException user(String username) {
        return new NotFoundException("No user named '" + username + "'.");
    }

    @Override
    public String problemType() {
        return "not-found";
    }

    @Override
    public String title() {
        return "Not found";
    }
}
