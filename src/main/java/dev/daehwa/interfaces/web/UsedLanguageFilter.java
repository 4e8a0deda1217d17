package dev.daehwa.interfaces.web;

import dev.daehwa.application.accounts.UserLanguages;
import dev.daehwa.infrastructure.auth.CallerIdentity;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;

/**
 * Records the language a logged-in person's pages are shown in (their browser's choice, as Faces
 * makes it) for their emails. Written once per session and change, not once per page.
 */
@WebFilter(servletNames = "Faces", dispatcherTypes = DispatcherType.REQUEST)
public class UsedLanguageFilter extends HttpFilter {

    private static final String RECORDED = "dev.daehwa.recordedLanguage";

    @Inject
    private UserLanguages languages;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CallerIdentity.SESSION_USER_ATTRIBUTE) instanceof Long userId) {
            Locale language = UserLanguages.choose(Collections.list(request.getLocales()));
            if (!language.equals(session.getAttribute(RECORDED))) {
                languages.used(userId, language);
                session.setAttribute(RECORDED, language);
            }
        }
        chain.doFilter(request, response);
    }
}
