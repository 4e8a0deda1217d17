package dev.daehwa.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a black-box integration test class: it talks HTTP to the one Payara Micro that
 * {@link DaehwaServer} starts for the whole failsafe run, and may take an {@link App} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DaehwaServer.class)
public @interface DaehwaIT {
}
