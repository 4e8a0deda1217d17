/**
 * Browser tests: the web pages driven in real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, nothing downloaded) through Selenium, in both failsafe passes.
 *
 * <p>Classes are marked {@link dev.daehwa.it.browser.BrowserIT}; test methods take the
 * {@link dev.daehwa.it.support.App} and a {@link dev.daehwa.it.browser.Browsers} and open one
 * {@link dev.daehwa.it.browser.Browser} per user. Every path is relative to the context root,
 * which is {@code /} on H2 and {@code /daehwa/} on PostgreSQL. Arrange data through the REST API
 * ({@link dev.daehwa.it.support.ChatUser}); assert through the page.
 *
 * <ul>
 *   <li>Only these: {@code mvn package -DskipTests}, then
 *       {@code mvn failsafe:integration-test@it-h2 -Dit.test='dev.daehwa.it.browser.*IT'}.</li>
 *   <li>Screenshots go to {@code target/screenshots/<database>/}; a failed test also leaves a
 *       screenshot and the page's HTML of each of its browsers in {@code failures/} there.</li>
 *   <li>Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} the tests are skipped
 *       with a banner, unless {@code CI=true}, where that is a failure.</li>
 * </ul>
 */
package dev.daehwa.it.browser;
