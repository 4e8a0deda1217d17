package dev.daehwa.it.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.daehwa.it.support.DaehwaIT;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a browser test class: a {@link DaehwaIT} whose test methods may also take a
 * {@link Browsers} parameter to drive headless Chromium against the app.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DaehwaIT
@ExtendWith(Browsers.Extension.class)
public @interface BrowserIT {
}
