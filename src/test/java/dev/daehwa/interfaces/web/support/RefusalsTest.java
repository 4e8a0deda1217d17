package dev.daehwa.interfaces.web.support;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.domain.error.AuthenticationRequiredException;
import dev.daehwa.domain.error.ConflictException;
import dev.daehwa.domain.error.DomainException;
import dev.daehwa.domain.error.FieldError;
import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.domain.error.PermissionDeniedException;
import dev.daehwa.domain.error.TooLargeException;
import dev.daehwa.domain.error.TooManyAttemptsException;
import dev.daehwa.domain.error.UnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The pages show the domain's refusals in their language, and both languages know every refusal. */
class RefusalsTest {

    private static final ResourceBundle ENGLISH = texts(Locale.ENGLISH);
    private static final ResourceBundle KOREAN = texts(Locale.KOREAN);

    /** One of each kind; {@link #oneOfEachKindIsEveryKind} fails when a kind is added but not here. */
    static List<DomainException> oneOfEachKind() {
        return List.of(
                new InvalidInputException(List.of()),
                AuthenticationRequiredException.loginRequired(),
                new PermissionDeniedException("Only the room's owner may archive the room."),
                NotFoundException.room(),
                new ConflictException("The owner cannot leave the room; archive it instead."),
                TooLargeException.file(25L * 1024 * 1024),
                TooManyAttemptsException.forUsername(Duration.ofSeconds(90)),
                new UnavailableException("Search is turned off on this server."));
    }

    /** Without the fallback to the JVM's default locale, which would make English Korean on a Korean machine. */
    private static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle("i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static boolean hasHangul(String text) {
        return text.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
    }

    // ---------------------------------------------------------------- every refusal has both texts

    @ParameterizedTest
    @EnumSource(FieldRefusal.class)
    void everyFieldRefusalHasAnEnglishAndAKoreanText(FieldRefusal refusal) {
        FieldError error = refusal.error("(the domain's English)");
        String key = Refusals.key(error);
        String korean = Refusals.explain(error, KOREAN).message();
        assertAll(key,
                () -> assertTrue(ENGLISH.containsKey(key), "no English text for " + key),
                () -> assertTrue(hasHangul(korean), "no Korean text for " + key + ": " + korean));
    }

    @Test
    void oneOfEachKindIsEveryKind() {
        assertEquals(Set.of(DomainException.class.getPermittedSubclasses()),
                oneOfEachKind().stream().map(Object::getClass).collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @MethodSource("oneOfEachKind")
    void everyProblemTypeHasAnEnglishAndAKoreanText(DomainException e) {
        String key = "problem." + e.problemType();
        String korean = Refusals.explain(e, KOREAN);
        assertAll(key,
                () -> assertTrue(ENGLISH.containsKey(key), "no English text for " + key),
                () -> assertTrue(hasHangul(korean), "no Korean text for " + key + ": " + korean));
    }

    // ---------------------------------------------------------------- translating

    @Test
    void aKoreanPageGetsHangul() {
        ConflictException taken = new ConflictException("The username 'bob' is taken.", FieldRefusal.USERNAME_TAKEN);
        assertEquals("이미 사용 중인 아이디입니다.", Refusals.explain(taken, KOREAN));
        assertEquals("This username is already taken.", Refusals.explain(taken, ENGLISH));
    }

    @Test
    void aFieldErrorKeepsItsFieldAndCode() {
        FieldError explained = Refusals.explain(
                FieldRefusal.PASSWORD_TOO_SHORT.error("Password must be at least 8 characters."), KOREAN);
        assertEquals(new FieldError("password", "too-short", "비밀번호는 8자 이상이어야 합니다."), explained);
    }

    @Test
    void aRefusalWithoutFieldsIsExplainedByItsType() {
        assertEquals("찾는 대상이 없거나 볼 수 없습니다.", Refusals.explain(NotFoundException.room(), KOREAN));
    }

    @Test
    void severalFieldErrorsAsOneTextKeepTheirOrder() {
        InvalidInputException e = new InvalidInputException(List.of(
                FieldRefusal.USERNAME_TOO_SHORT.error("Username must be 3 to 30 characters."),
                FieldRefusal.PASSWORD_TOO_SHORT.error("Password must be at least 8 characters.")));
        assertEquals("아이디는 3자 이상이어야 합니다. 비밀번호는 8자 이상이어야 합니다.", Refusals.explain(e, KOREAN));
    }

    // ---------------------------------------------------------------- falling back to English

    @Test
    void aFieldErrorWithoutTextShowsTheDomainsEnglish() {
        FieldError unknown = new FieldError("nickname", "odd", "Nickname is odd.");
        assertEquals(unknown, Refusals.explain(unknown, KOREAN));
    }

    @Test
    void aProblemTypeWithoutTextShowsTheDomainsEnglish() {
        ResourceBundle empty = new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[0][];
            }
        };
        assertEquals("No such room.", Refusals.explain(NotFoundException.room(), empty));
    }
}
