package dev.keyfence.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written b64token scan agrees with the RFC 6750 grammar written as a regular expression. */
class B64TokenTest {
    /** RFC 6750 section 2.1: {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    private static final Pattern GRAMMAR = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private static final String ALPHABET = "Az09-._~+/= \t\"',;:%é\u0000\uD800Bb";

    @Test
    void namedCases() {
        for (String yes : List.of("a", "A-._~+/9", "abc==", "a.b.c", "x=")) {
            assertThat(BearerExtractor.isB64Token(yes)).as(yes).isTrue();
        }
        for (String no : List.of("", "=", "==a", "a=b", "a b", "a\t", "é", "a,b", "a%20")) {
            assertThat(BearerExtractor.isB64Token(no)).as(no).isFalse();
        }
    }

    @Test
    void agreesWithTheGrammarOnRandomStrings() {
        Random random = new Random(6750);
        int accepted = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                // mostly token characters, so that both answers occur often
                s.append(
                        random.nextInt(4) == 0
                                ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                                : ALPHABET.charAt(random.nextInt(11)));
            }
            String text = s.toString();
            boolean expected = GRAMMAR.matcher(text).matches();
            assertThat(BearerExtractor.isB64Token(text)).as("%s", text).isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).as("random strings the grammar accepts").isGreaterThan(10_000);
    }
}
