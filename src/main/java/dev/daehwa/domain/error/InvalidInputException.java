package dev.daehwa.domain.error;

import java.util.List;

/** The request was understood but its values break a rule (length, format, range). */
public final class InvalidInputException extends DomainException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "The input is invalid." : summary(errors));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(FieldRefusal refusal, String message) {
        return new InvalidInputException(List.of(refusal.error(message)));
    }

    /**
     * For the REST layer's checks of the request's shape (a missing body, a query parameter that
     * is not a number), which no page ever shows. Rules of the domain use {@link FieldRefusal}, so
     * that the pages are sure to have their translations.
     */
    public static InvalidInputException of(String field, String code, String message) {
        return new InvalidInputException(List.of(new FieldError(field, code, message)));
    }

    private static String summary(List<FieldError> errors) {
        return errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid.";
    }

    @Override
    public String problemType() {
        return "validation";
    }

    @Override
    public String title() {
        return "Invalid input";
    }


    @Override
    public List<FieldError> fieldErrors() {
        return errors;
    }
}
