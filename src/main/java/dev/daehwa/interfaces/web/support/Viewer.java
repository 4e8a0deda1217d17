package dev.daehwa.interfaces.web.support;

import dev.daehwa.application.AccountService;
import dev.daehwa.domain.user.User;
import dev.daehwa.infrastructure.security.CurrentCaller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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

    @PostConstruct
    void load() {
        Optional<Long> id = caller.userId();
        user = id.flatMap(accounts::find).orElse(null);
    }

    public boolean isLoggedIn() {
        return user != null;
    }

    public long getId() {
        return user.id();
    }

    public String getDisplayName() {
        return user == null ? "" : user.displayName();
    }
}
