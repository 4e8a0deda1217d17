package dev.daehwa.interfaces.web.auth;

import dev.daehwa.application.accounts.EmailConfirmations;
import dev.daehwa.domain.error.DomainException;
import dev.daehwa.interfaces.problem.ProblemStatus;
import dev.daehwa.interfaces.web.support.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The page behind the link of a confirmation email, /confirm-email?token=...: opening it
 * confirms nothing, it asks; the button posts the form, and that confirms. Why not confirm on
 * the GET itself: confirming changes state, and mail scanners and link previews open every link
 * in an email, so a GET that confirmed would confirm addresses nobody read. The form is a Faces
 * form, so its post carries the view state, which a forged cross-site post cannot; the token
 * travels in the form as it did in the link. No login: the token is the permission, and the
 * person may open the link on another device.
 */
@Named
@RequestScoped
public class ConfirmEmailBacking {

    @Inject
    private EmailConfirmations confirmations;

    private String token;
    private EmailConfirmations.Subject subject;
    private String refusal;

    @PostConstruct
    void load() {
        token = Pages.request().getParameter("token");
        try {
            subject = confirmations.describe(token);
        } catch (DomainException e) {
            refuse(e);
        }
    }

    public void confirm() {
        if (subject == null) {
            return;
        }
        try {
            subject = confirmations.confirm(token);
        } catch (DomainException e) {
            subject = null;
            refuse(e);
        }
    }

    /** An unusable link is a client error, and the page says so in its status too. */
    private void refuse(DomainException e) {
        refusal = Pages.explain(e);
        Pages.response().setStatus(ProblemStatus.of(e));
    }

    public String getToken() {
        return token;
    }

    public EmailConfirmations.Subject getSubject() {
        return subject;
    }

    public String getRefusal() {
        return refusal;
    }
}
