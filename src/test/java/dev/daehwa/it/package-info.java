/**
 * Black-box integration tests: plain HTTP against the WAR running on a real Payara Micro.
 *
 * <p>Failsafe runs these {@code *IT} classes twice (see pom.xml): on embedded H2 at the root
 * context, and on PostgreSQL under {@code /daehwa} so that a non-root context path is always
 * covered. {@link dev.daehwa.it.support.DaehwaServer} boots one server per pass; every test
 * registers its own uniquely named users, so tests share no data and run in any order.
 *
 * <ul>
 *   <li>Both passes: {@code mvn verify} (add {@code -Dit.postgres=required} to fail instead of
 *       skipping when PostgreSQL is not there).</li>
 *   <li>One pass, one class: {@code mvn package -DskipTests} once, then
 *       {@code mvn failsafe:integration-test@it-h2 -Dit.test=RoomIT}.</li>
 *   <li>Against a server you started yourself (started with DAEHWA_SQL_STATEMENT_HEADER=true):
 *       add {@code -Dit.baseUri=http://localhost:8080/}.</li>
 * </ul>
 *
 * <p>Each pass leaves its server's log in {@code target/it/<database>/server.log}.
 */
package dev.daehwa.it;
