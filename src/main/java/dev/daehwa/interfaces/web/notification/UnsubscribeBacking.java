package dev.daehwa.interfaces.web.notification;

import dev.daehwa.application.notification.Unsubscribing;
import dev.daehwa.domain.error.DomainException;
import dev.daehwa.interfaces.web.support.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The page behind the unsubscribe link of notification emails, /unsubscribe?token=...: opening
 * it changes nothing (mail scanners open links), it asks; a button press does it. No login: the
 * signed token is the permission, carried in the form as it was in the link.
 */
@Named
@RequestScoped
public class UnsubscribeBacking {

    @Inject
    private Unsubscribing unsubscribing;

    private String token;
    private Unsubscribing.Subject subject;
    private String refusal;

    @PostConstruct
    void load() {
        token = Pages.request().getParameter("token");
        try {
            subject = unsubscribing.describe(token);
        } catch (DomainException e) {
            refusal = Pages.explain(e);
        }
    }

    public void muteRoom() {
        if (subject != null) {
            subject = unsubscribing.muteRoom(token);
        }
    }

    public void stopAll() {
        if (subject != null) {
            subject = unsubscribing.stopAllEmail(token);
        }
    }

    public String getToken() {
        return token;
    }

    public Unsubscribing.Subject getSubject() {
        return subject;
    }

    public String getRefusal() {
        return refusal;
    }
}
