package dev.daehwa.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package map of docs/architecture.md, checked on the compiled classes: the domain depends on
 * nothing of the app but itself; the application reaches the outside world only through its own
 * ports; infrastructure implements those ports and never calls the interface layer.
 */
class ArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.daehwa");

    /** The rules for an app whose top package is {@code root}. */
    static List<ArchRule> rules(String root) {
        return List.of(
                classes().that().resideInAPackage(root + ".domain..")
                        .should().onlyDependOnClassesThat().resideInAnyPackage(
                                root + ".domain..", "java..", "jakarta.persistence..", "org.owasp.encoder..",
                                "org.commonmark..")
                        .as("the domain depends only on itself, the JDK, JPA mappings, the HTML encoder and the"
                                + " Markdown parser (what a message reads as is the domain's rule)"),
                noClasses().that().resideInAPackage(root + ".application..")
                        .should().dependOnClassesThat().resideInAnyPackage(root + ".infrastructure..", root + ".interfaces..")
                        .as("the application uses ports, never infrastructure or the interface layer"),
                noClasses().that().resideInAPackage(root + ".infrastructure..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".interfaces..")
                        .as("infrastructure never calls the interface layer"),
                noClasses().that().resideInAPackage(root + ".application")
                        .should().bePublic().orShould().notBePublic()
                        .allowEmptyShould(true)
                        .as("every application class belongs to a capability's package"));
    }

    @Test
    void theAppKeepsItsPackageMap() {
        for (ArchRule rule : rules("dev.daehwa")) {
            EvaluationResult result = rule.evaluate(APP);
            assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
        }
    }

    /** The rules do catch a break: the fixture's application class calls its infrastructure. */
    @Test
    void eachRuleFailsOnCodeThatBreaksIt() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.daehwa.architecture.fixture");
        List<ArchRule> rules = rules("dev.daehwa.architecture.fixture");
        for (ArchRule rule : rules) {
            assertTrue(rule.evaluate(fixture).hasViolation(), () -> "not caught: " + rule.getDescription());
        }
    }
}
