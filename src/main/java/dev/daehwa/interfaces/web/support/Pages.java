package dev.daehwa.interfaces.web.support;

import dev.daehwa.domain.error.DomainException;
import dev.daehwa.domain.error.FieldError;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.ResourceBundle;

/** Redirects within the app (whatever its context path) and reads the page's message bundle. */
public final class Pages {

    private Pages() {
    }

    /** Redirects to a path inside the app, e.g. "/" or "/login". */
    public static void redirect(String appPath) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + appPath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers this request with the 404 page. Used for rooms the viewer may not see, so that a
     * stranger cannot tell a private room from one that does not exist.
     */
    public static void notFound() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(404, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** A refusal from the domain, in the page's language where the bundle knows it. */
    public static String explain(DomainException e) {
        return Refusals.explain(e, texts());
    }

    public static List<FieldError> explain(List<FieldError> errors) {
        ResourceBundle texts = texts();
        return errors.stream().map(error -> Refusals.explain(error, texts)).toList();
    }

    public static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public static HttpServletResponse response() {
        return (HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse();
    }

    public static String text(String key) {
        return texts().getString(key);
    }

    private static ResourceBundle texts() {
        return ResourceBundle.getBundle("i18n.messages", FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    /**
     * Only a path inside this app may be a post-login destination: "/rooms/4" yes,
     * "//evil.example" or "https://evil.example" no (an open redirect would make phishing easy).
     */
    public static boolean isLocalPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && !path.contains("\r") && !path.contains("\n");
    }
}
