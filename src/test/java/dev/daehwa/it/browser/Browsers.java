package dev.daehwa.it.browser;

import java.util.ArrayList;
import java.util.List;

import dev.daehwa.it.browser.Browser.Language;
import dev.daehwa.it.browser.Browser.Screen;
import dev.daehwa.it.support.App;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The browsers of one test: a test method takes a {@code Browsers} parameter and opens as many as
 * it needs (one per user, since each has its own cookie jar). After the test every one of them is
 * quit; if the test failed, each is first screenshotted, with its page source, to
 * {@code target/screenshots/<database>/failures/}.
 *
 * <p>Registered by {@link BrowserIT}. Without Chromium the tests skip before they start (or fail,
 * when {@code CI=true}); see {@link Browser#requireInstalled()}.
 */
public final class Browsers {

    private final String testName;
    private final List<Browser> open = new ArrayList<>();

    private Browsers(String testName) {
        this.testName = testName;
    }

    /** A desktop browser in English. */
    public Browser open(App app) {
        return open(app, Screen.DESKTOP, Language.ENGLISH);
    }

    public Browser open(App app, Screen screen, Language language) {
        Browser browser = Browser.start(app, screen, language);
        open.add(browser);
        return browser;
    }

    private void saveEvidence() {
        for (int i = 0; i < open.size(); i++) {
            Browser browser = open.get(i);
            String name = "failures/" + testName + "-" + (i + 1);
            try {
                System.err.println("[daehwa-it] " + testName + " failed; browser " + (i + 1) + " was at "
                        + browser.driver().getCurrentUrl() + ", see " + browser.screenshot(name)
                        + " and " + browser.savePageSource(name));
            } catch (RuntimeException e) {
                System.err.println("[daehwa-it] no screenshot of browser " + (i + 1) + " of " + testName + ": " + e);
            }
        }
    }

    private void closeAll() {
        RuntimeException first = null;
        for (Browser browser : open) {
            try {
                browser.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }

    /** The JUnit side: resolves the parameter, screenshots on failure, quits everything afterwards. */
    static final class Extension implements BeforeEachCallback, ParameterResolver, TestExecutionExceptionHandler,
            AfterEachCallback {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browsers.class);

        /** Skips (or in CI fails) each test before it registers users when there is no browser. */
        @Override
        public void beforeEach(ExtensionContext context) {
            Browser.requireInstalled();
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Browsers.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return browsers(context);
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            browsers(context).saveEvidence();
            throw failure;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            browsers(context).closeAll();
        }

        private static Browsers browsers(ExtensionContext context) {
            String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
            return context.getStore(NAMESPACE).getOrComputeIfAbsent("browsers", key -> new Browsers(name), Browsers.class);
        }
    }
}
