/**
 * Black-box tests of the real-time WebSocket endpoint ({@code <context-root>/ws}), each rule of
 * the protocol with a test that fails when the rule breaks: the handshake, live delivery, resume,
 * push-after-commit, slow consumers, typing and presence, and malformed frames.
 *
 * <p>They talk to the same Payara Micro as the REST tests, through
 * {@link dev.daehwa.it.support.WsClient}, a real {@code java.net.http.WebSocket}: REST calls arrange
 * and cause events, the WebSocket observes them. Every test connects its own new users, so
 * presence and typing of one test never reach another.
 */
package dev.daehwa.it.realtime;
