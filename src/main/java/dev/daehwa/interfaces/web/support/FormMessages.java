package dev.daehwa.interfaces.web.support;

import dev.daehwa.domain.error.DomainException;
import dev.daehwa.domain.error.FieldError;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.List;

/** Puts the domain's field errors next to the form fields they belong to. */
public final class FormMessages {

    private FormMessages() {
    }

    /** A refusal in the page's language: next to the fields it names, or above the form if none. */
    public static void onRefusal(String formId, DomainException e) {
        if (e.fieldErrors().isEmpty()) {
            onForm(Pages.explain(e));
        } else {
            onFields(formId, Pages.explain(e.fieldErrors()));
        }
    }

    public static void onFields(String formId, List<FieldError> errors) {
        errors.forEach(e -> onField(formId, e.field(), e.message()));
    }

    public static void onField(String formId, String field, String message) {
        FacesContext.getCurrentInstance().addMessage(formId + ":" + field,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    }

    /** Good news above the form, such as "Saved". */
    public static void onFormInfo(String message) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, message, message));
    }

    public static void onForm(String message) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    }
}
