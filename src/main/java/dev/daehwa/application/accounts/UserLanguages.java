package dev.daehwa.application.accounts;

import dev.daehwa.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;

/**
 * Remembers the language each user last used the app in, so that email, which has no browser to
 * ask, speaks it too. Only the languages the app is written in are kept.
 */
@ApplicationScoped
@Transactional
public class UserLanguages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.KOREAN);

    @Inject
    private UserRepository users;

    /** The supported language among the preferred ones (most preferred first), English by default. */
    public static Locale choose(List<Locale> preferred) {
        return preferred.stream()
                .map(locale -> Locale.of(locale.getLanguage()))
                .filter(SUPPORTED::contains)
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    public void used(long userId, Locale language) {
        users.find(userId).ifPresent(user -> user.useLanguage(language));
    }
}
