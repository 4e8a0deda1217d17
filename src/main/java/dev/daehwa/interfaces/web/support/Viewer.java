package dev.daehwa.interfaces.web.support;

import dev.daehwa.application.accounts.AccountService;
import dev.daehwa.domain.user.User;
import dev.daehwa.infrastructure.auth.CallerIdentity;
import dev.daehwa.infrastructure.auth.CurrentCaller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/** The person looking at the page, loaded once per request for the header and the pages. */
@Named
@RequestScoped
public class Viewer {

    @Inject
    private CurrentCaller caller;

    @Inject
    private AccountService accounts;

    private User user;

    @Inject
    private HttpServletRequest request;

    /**
     * From the authenticated caller, or straight from the session: error pages are rendered in
     * an error dispatch, where the container has not authenticated the request again.
     */
    @PostConstruct
    void load() {
        Optional<Long> id = caller.userId().or(this::sessionUserId);
        user = id.flatMap(accounts::find).orElse(null);
    }

    private Optional<Long> sessionUserId() {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(CallerIdentity.SESSION_USER_ATTRIBUTE) instanceof Long id
                ? Optional.of(id) : Optional.empty();
    }

    public boolean isLoggedIn() {
        return user != null;
    }

    public long getId() {
        return user.id();
    }

    public String getUsername() {
        return user == null ? "" : user.username();
    }

    public String getDisplayName() {
        return user == null ? "" : user.displayName();
    }
}
