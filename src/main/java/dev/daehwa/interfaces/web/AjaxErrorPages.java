package dev.daehwa.interfaces.web;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.FacesContext;
import org.omnifaces.exceptionhandler.FullAjaxExceptionHandler;

/**
 * An error during an ajax request replaces the page with the same error view a full request
 * would get. OmniFaces' handler looks the view up in web.xml, whose only error page is the
 * {@link ErrorPageServlet} (not a Faces view), so the choice is delegated to that servlet's rule.
 */
public class AjaxErrorPages extends FullAjaxExceptionHandler {

    public AjaxErrorPages(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    protected String findErrorPageLocation(FacesContext context, Throwable exception) {
        return ErrorPageServlet.pageFor(500, exception);
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new AjaxErrorPages(getWrapped().getExceptionHandler());
        }
    }
}
