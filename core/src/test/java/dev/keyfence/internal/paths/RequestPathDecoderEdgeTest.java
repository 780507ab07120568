package dev.keyfence.internal.paths;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request path decoder at its edges: every hex digit and its neighbours, a '%' escape at the
 * very end, the length limit, and the control-character and space bounds, encoded and raw.
 */
class RequestPathDecoderEdgeTest {
    @ParameterizedTest
    @CsvSource({"%30,/0", "%39,/9", "%41,/A", "%46,/F", "%61,/a", "%66,/f", "%4a,/J", "%4A,/J", "%7e,/~", "%7E,/~"})
    void everyHexDigitDecodes(String escape, String decoded) {
        RequestPathDecoder.Decoded d = RequestPathDecoder.decode("/" + escape);
        assertThat(d.ok()).isTrue();
        assertThat(d.path()).isEqualTo(decoded);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/%3/", "/%3:", "/%/3", "/%:3", "/%3`", "/%3g", "/%3@", "/%3G", "/%`3", "/%g3", "/%@3", "/%G3"})
    void theNeighboursOfHexDigitsAreNoHexDigits(String path) {
        RequestPathDecoder.Decoded d = RequestPathDecoder.decode(path);
        assertThat(d.ok()).isFalse();
        assertThat(d.problem()).isEqualTo("a '%' not followed by two hex digits");
    }

    @Test
    void anEscapeMayEndThePathButNotBeCutShort() {
        assertThat(RequestPathDecoder.decode("/a%41").path()).isEqualTo("/aA");
        assertThat(RequestPathDecoder.decode("/a%4").ok()).isFalse();
        assertThat(RequestPathDecoder.decode("/a%").ok()).isFalse();
    }

    @Test
    void pathsUpToTheLimitAreDecoded() {
        String longest = "/" + "a".repeat(RequestPathDecoder.MAX_LENGTH - 1);
        assertThat(RequestPathDecoder.decode(longest).path()).isEqualTo(longest);
        RequestPathDecoder.Decoded over = RequestPathDecoder.decode(longest + "a");
        assertThat(over.ok()).isFalse();
        assertThat(over.problem()).isEqualTo("the path is longer than 8192 characters");
    }

    @Test
    void controlCharactersAreRefusedEncodedSpaceIsNot() {
        assertThat(RequestPathDecoder.decode("/%1F").ok()).isFalse();
        assertThat(RequestPathDecoder.decode("/%7F").ok()).isFalse();
        assertThat(RequestPathDecoder.decode("/a%20b").path()).isEqualTo("/a b");
        assertThat(RequestPathDecoder.decode("/a%21").path()).isEqualTo("/a!");
    }

    @Test
    void aRawSpaceIsRefusedTheNextCharacterIsNot() {
        assertThat(RequestPathDecoder.decode("/a b").ok()).isFalse();
        assertThat(RequestPathDecoder.decode("/a\u001fb").ok()).isFalse();
        assertThat(RequestPathDecoder.decode("/a!b").path()).isEqualTo("/a!b");
    }
}
