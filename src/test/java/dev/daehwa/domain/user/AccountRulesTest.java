package dev.daehwa.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.daehwa.domain.error.FieldError;
import dev.daehwa.domain.error.InvalidInputException;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRulesTest {

    private static final String PASSWORD = "correct horse";
    private static final String EMAIL = "alice@example.com";

    private static final String USERNAME_REQUIRED = "Username is required.";
    private static final String USERNAME_LENGTH = "Username must be 3 to 30 characters.";
    private static final String USERNAME_CHARS = "Username may contain only letters, digits, '_', '.' and '-'.";
    private static final String PASSWORD_REQUIRED = "Password is required.";
    private static final String PASSWORD_SHORT = "Password must be at least 8 characters.";
    private static final String PASSWORD_LONG = "Password must be at most 1024 characters.";
    private static final String EMAIL_REQUIRED = "Email is required.";
    private static final String EMAIL_FORMAT = "Email must look like name@example.com.";
    private static final String DISPLAY_NAME_LONG = "Display name must be at most 50 characters.";

    /** U+1D41A MATHEMATICAL BOLD SMALL A: a letter outside the BMP, two UTF-16 units. */
    private static final String BOLD_A = "\uD835\uDC1A";

    private static AccountRules.ValidAccount withUsername(String username) {
        return AccountRules.check(username, PASSWORD, EMAIL, null);
    }

    private static List<FieldError> errorsOf(String username, String password, String email, String displayName) {
        return assertThrows(InvalidInputException.class,
                () -> AccountRules.check(username, password, email, displayName)).fieldErrors();
    }

    private static void assertOnlyError(String field, String code, String message, List<FieldError> errors) {
        assertEquals(List.of(new FieldError(field, code, message)), errors);
    }

    private static String nfd(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFD);
    }

    // ---------------------------------------------------------------- valid accounts

    @Test
    void validAccountIsReturnedStripped() {
        AccountRules.ValidAccount account =
                AccountRules.check("  alice  ", PASSWORD, "  alice@example.com\t", "  Alice Kim \n");
        assertEquals(new AccountRules.ValidAccount("alice", "alice@example.com", "Alice Kim"), account);
    }

    @Test
    void caseOfUsernameAndEmailIsKept() {
        AccountRules.ValidAccount account = AccountRules.check("Alice", PASSWORD, "Alice@Example.COM", null);
        assertEquals("Alice", account.username());
        assertEquals("Alice@Example.COM", account.email());
    }

    @ParameterizedTest
    @ValueSource(strings = {"김철수", "alice", "Alice_99", "kim.cs-dev", "a_b", "123", "...", "홍길동_dev.01", "Ölçü", "ユーザー"})
    void lettersOfAnyScriptDigitsAndPunctuationAreAllowed(String username) {
        assertEquals(username, withUsername(username).username());
    }

    // ---------------------------------------------------------------- username

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "\u3000"})
    void usernameIsRequired(String username) {
        assertOnlyError("username", "required", USERNAME_REQUIRED, errorsOf(username, PASSWORD, EMAIL, null));
    }

    @Test
    void usernameLengthIsThreeToThirty() {
        assertOnlyError("username", "too-short", USERNAME_LENGTH, errorsOf("ab", PASSWORD, EMAIL, null));
        assertEquals("abc", withUsername("abc").username());
        assertEquals("a".repeat(30), withUsername("a".repeat(30)).username());
        assertOnlyError("username", "too-long", USERNAME_LENGTH, errorsOf("a".repeat(31), PASSWORD, EMAIL, null));
    }

    @Test
    void usernameLengthCountsHangulSyllablesAsOneEach() {
        assertOnlyError("username", "too-short", USERNAME_LENGTH, errorsOf("김철", PASSWORD, EMAIL, null));
        assertEquals("김철수", withUsername("김철수").username());
        assertEquals("가".repeat(30), withUsername("가".repeat(30)).username());
        assertOnlyError("username", "too-long", USERNAME_LENGTH, errorsOf("가".repeat(31), PASSWORD, EMAIL, null));
    }

    @Test
    void usernameLengthCountsCodePointsNotUtf16Units() {
        // two code points, four UTF-16 units: too short
        assertOnlyError("username", "too-short", USERNAME_LENGTH, errorsOf(BOLD_A.repeat(2), PASSWORD, EMAIL, null));
        assertEquals(BOLD_A.repeat(3), withUsername(BOLD_A.repeat(3)).username());
        // sixteen code points, thirty-two UTF-16 units: within 30
        assertEquals(BOLD_A.repeat(16), withUsername(BOLD_A.repeat(16)).username());
        assertOnlyError("username", "too-long", USERNAME_LENGTH, errorsOf(BOLD_A.repeat(31), PASSWORD, EMAIL, null));
    }

    @Test
    void surroundingWhitespaceDoesNotCountTowardsLength() {
        assertEquals("a".repeat(30), withUsername("  " + "a".repeat(30) + "  ").username());
        assertOnlyError("username", "too-short", USERNAME_LENGTH, errorsOf("  ab  ", PASSWORD, EMAIL, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"al ice", "alice!", "al@ce", "a/b", "a+b", "smile😀", "<script>", "a'b", "한 글", "a\tb"})
    void usernameRejectsOtherCharacters(String username) {
        assertOnlyError("username", "format", USERNAME_CHARS, errorsOf(username, PASSWORD, EMAIL, null));
    }

    @Test
    void lengthIsCheckedBeforeCharacters() {
        assertOnlyError("username", "too-short", USERNAME_LENGTH, errorsOf("!!", PASSWORD, EMAIL, null));
        assertOnlyError("username", "too-long", USERNAME_LENGTH, errorsOf("!".repeat(31), PASSWORD, EMAIL, null));
    }

    // ---------------------------------------------------------------- NFC

    @Test
    void decomposedHangulUsernameIsStoredComposed() {
        String decomposed = nfd("김철수");
        assertEquals(8, decomposed.length(), "NFD splits the three syllables into eight jamo");
        AccountRules.ValidAccount account = withUsername(decomposed);
        assertEquals("김철수", account.username());
        assertEquals(3, account.username().length());
    }

    @Test
    void decomposedLatinUsernameIsStoredComposed() {
        // "e" + COMBINING ACUTE ACCENT: the combining mark alone is not a letter, so without NFC
        // this would also fail the character rule
        assertEquals("caf\u00e9", withUsername("cafe\u0301").username());
    }

    @Test
    void usernameLengthIsMeasuredAfterNormalisation() {
        // 가나 decomposes to four jamo, but is two characters once composed: too short
        assertOnlyError("username", "too-short", USERNAME_LENGTH, errorsOf(nfd("가나"), PASSWORD, EMAIL, null));
        // 60 jamo compose to exactly 30 syllables: allowed
        String sixtyJamo = nfd("가".repeat(30));
        assertEquals(60, sixtyJamo.length());
        assertEquals("가".repeat(30), withUsername(sixtyJamo).username());
    }

    @Test
    void emailAndDisplayNameAreNormalisedToo() {
        AccountRules.ValidAccount account =
                AccountRules.check("alice", PASSWORD, nfd("김@예시.한국"), nfd(" 김철수 (Jose\u0301) "));
        assertEquals("김@예시.한국", account.email());
        assertEquals("김철수 (Jos\u00e9)", account.displayName());
    }

    // ---------------------------------------------------------------- password

    @ParameterizedTest
    @NullAndEmptySource
    void passwordIsRequired(String password) {
        assertOnlyError("password", "required", PASSWORD_REQUIRED, errorsOf("alice", password, EMAIL, null));
    }

    @Test
    void passwordLengthIsEightTo1024() {
        assertOnlyError("password", "too-short", PASSWORD_SHORT, errorsOf("alice", "1234567", EMAIL, null));
        assertEquals("alice", AccountRules.check("alice", "12345678", EMAIL, null).username());
        assertEquals("alice", AccountRules.check("alice", "p".repeat(1024), EMAIL, null).username());
        assertOnlyError("password", "too-long", PASSWORD_LONG, errorsOf("alice", "p".repeat(1025), EMAIL, null));
    }

    @Test
    void hugePasswordIsRefused() {
        assertOnlyError("password", "too-long", PASSWORD_LONG, errorsOf("alice", "p".repeat(1_000_000), EMAIL, null));
    }

    // ---------------------------------------------------------------- email

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void emailIsRequired(String email) {
        assertOnlyError("email", "required", EMAIL_REQUIRED, errorsOf("alice", PASSWORD, email, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice@", "@example.com", "alice@example", "alice@@example.com",
            "al ice@example.com", "alice@exa mple.com", "alice@example.", "alice@.", "a@b@c.d"})
    void emailMustLookLikeAnAddress(String email) {
        assertOnlyError("email", "format", EMAIL_FORMAT, errorsOf("alice", PASSWORD, email, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "a.b+tag@mail.example.co.kr", "김@예시.한국", "x@y.z"})
    void plausibleAddressesAreAccepted(String email) {
        assertEquals(email, AccountRules.check("alice", PASSWORD, email, null).email());
    }

    @Test
    void emailIsAtMost254Characters() {
        String domain = "@example.com";
        String longest = "a".repeat(254 - domain.length()) + domain;
        assertEquals(254, longest.length());
        assertEquals(longest, AccountRules.check("alice", PASSWORD, longest, null).email());
        assertOnlyError("email", "format", EMAIL_FORMAT, errorsOf("alice", PASSWORD, "a" + longest, null));
    }

    // ---------------------------------------------------------------- display name

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void displayNameDefaultsToUsername(String displayName) {
        assertEquals("alice", AccountRules.check("alice", PASSWORD, EMAIL, displayName).displayName());
    }

    @Test
    void defaultDisplayNameIsTheNormalisedUsername() {
        assertEquals("김철수", AccountRules.check("  " + nfd("김철수") + " ", PASSWORD, EMAIL, null).displayName());
    }

    @Test
    void displayNameIsKeptWhenGiven() {
        assertEquals("김철수 (CS Kim)", AccountRules.check("cskim", PASSWORD, EMAIL, "김철수 (CS Kim)").displayName());
    }

    @Test
    void displayNameIsAtMost50CodePoints() {
        assertEquals("x".repeat(50), AccountRules.check("alice", PASSWORD, EMAIL, "x".repeat(50)).displayName());
        assertOnlyError("displayName", "too-long", DISPLAY_NAME_LONG,
                errorsOf("alice", PASSWORD, EMAIL, "x".repeat(51)));
        // 50 emoji are 100 UTF-16 units, yet 50 characters
        assertEquals("😀".repeat(50), AccountRules.check("alice", PASSWORD, EMAIL, "😀".repeat(50)).displayName());
        assertOnlyError("displayName", "too-long", DISPLAY_NAME_LONG,
                errorsOf("alice", PASSWORD, EMAIL, "😀".repeat(51)));
        assertEquals("가".repeat(50), AccountRules.check("alice", PASSWORD, EMAIL, " " + "가".repeat(50) + " ").displayName());
    }

    // ---------------------------------------------------------------- all errors at once

    @Test
    void allErrorsAreCollectedAtOnceInFieldOrder() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> AccountRules.check("a", "short", "not-an-email", "x".repeat(51)));
        assertEquals(List.of(
                new FieldError("username", "too-short", USERNAME_LENGTH),
                new FieldError("password", "too-short", PASSWORD_SHORT),
                new FieldError("email", "format", EMAIL_FORMAT),
                new FieldError("displayName", "too-long", DISPLAY_NAME_LONG)), e.fieldErrors());
        assertEquals("4 fields are invalid.", e.getMessage());
        assertEquals("validation", e.problemType());
    }

    @Test
    void everythingMissingReportsEveryRequiredField() {
        assertEquals(List.of(
                new FieldError("username", "required", USERNAME_REQUIRED),
                new FieldError("password", "required", PASSWORD_REQUIRED),
                new FieldError("email", "required", EMAIL_REQUIRED)), errorsOf(null, null, null, null));
    }

    @Test
    void oneErrorIsSummarisedWithItsField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> AccountRules.check("alice", "short", EMAIL, null));
        assertEquals("password: " + PASSWORD_SHORT, e.getMessage());
    }
}
