package dev.keyfence.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.json.JsonException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict JSON parser used for token headers, payloads and key sets. */
class JsonTest {

    @Test
    void parsesObjectsInOrderWithAllValueTypes() throws JsonException {
        Map<String, Object> m = Json.parseObject(" {\"s\":\"x\",\"i\":-12,\"d\":1.5,\"e\":2E3,\"t\":true,\"f\":false,"
                + "\"n\":null,\"a\":[1,[]],\"o\":{}} ");
        assertThat(m.keySet()).containsExactly("s", "i", "d", "e", "t", "f", "n", "a", "o");
        assertThat(m.get("s")).isEqualTo("x");
        assertThat(m.get("i")).isEqualTo(-12L);
        assertThat(m.get("d")).isEqualTo(1.5);
        assertThat(m.get("e")).isEqualTo(2000.0);
        assertThat(m.get("t")).isEqualTo(Boolean.TRUE);
        assertThat(m.get("n")).isSameAs(Json.NULL);
        assertThat(m.get("a")).isEqualTo(List.of(1L, List.of()));
        assertThat(m.get("o")).isEqualTo(Map.of());
    }

    /** A token's parts are parsed from their bytes: strict UTF-8 inside strings, ASCII outside. */
    @Test
    void parsesUtf8BytesStrictly() throws JsonException {
        String text = "{\"sub\":\"\u00e9l\u00e8ve \u20ac \uD83D\uDE00\",\"k\\u00e9\":\"a\\n\u00e9\"}";
        Map<String, Object> m = Json.parseObject(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(m).isEqualTo(Json.parseObject(text));
        assertThat(m.get("sub")).isEqualTo("\u00e9l\u00e8ve \u20ac \uD83D\uDE00");
        assertThat(m.get("k\u00e9")).isEqualTo("a\n\u00e9");
        for (byte[] bad : new byte[][] {
            {'"', (byte) 0xC0, (byte) 0xAF, '"'}, // overlong '/'
            {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, // an encoded surrogate
            {'"', (byte) 0xE2, (byte) 0x82, '"'}, // truncated
            {'"', (byte) 0xE9, '"'}, // Latin-1
            {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, // past U+10FFFF
            {'"', 'a', '"', (byte) 0xC3, (byte) 0xA9}, // valid UTF-8, but outside a string
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'} // a byte order mark
        }) {
            assertThatThrownBy(() -> Json.parse(bad))
                    .as(java.util.HexFormat.of().formatHex(bad))
                    .isInstanceOf(JsonException.class);
        }
        assertThatThrownBy(() -> Json.parse(new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}))
                .hasMessage("string is not UTF-8 at offset 1");
    }

    /** Each literal is compared byte by byte, at any position; one of the right length but wrong is refused. */
    @ParameterizedTest
    @ValueSource(strings = {"trux", "tRue", "nulL", "fals3", "[nuLl]", "{\"a\":frue}", "[true,trux]"})
    void refusesMisspelledLiterals(String text) {
        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("bad literal");
    }

    /** Refusals right after non-ASCII bytes and at the very end of the input are JSON errors, never anything else. */
    @Test
    void refusesWhatFollowsNonAsciiBytesAndTheEndOfInputCleanly() {
        byte[] e = {(byte) 0xC3, (byte) 0xA9}; // U+00E9 in UTF-8
        byte[][] inputs = {
            {'"', e[0], e[1], 0x00, '"'}, // a control character right after non-ASCII
            {'"', e[0], e[1], 0x1f, '"'},
            {'"', e[0], e[1]}, // unterminated after non-ASCII
            {'"', 'a', e[0], e[1], '\\'}, // an escape cut off after non-ASCII
        };
        for (byte[] in : inputs) {
            assertThatThrownBy(() -> Json.parse(in))
                    .as(java.util.HexFormat.of().formatHex(in))
                    .isInstanceOf(JsonException.class)
                    .hasMessageNotContaining("UTF-8");
        }
        for (String text : new String[] {"\"\\uD800\\", "\"\\uD800\\u", "\"\\uD800\\uDC0", "\"\\u00"}) {
            assertThatThrownBy(() -> Json.parse(text)).as(text).isInstanceOf(JsonException.class);
        }
    }

    @Test
    void aLoneSurrogateInTextIsRefusedWherever() {
        for (String text : new String[] {"\"\uD800\"", "\"a\uDC00\"", "[1,\uD800]", "\uDBFF"}) {
            assertThatThrownBy(() -> Json.parse(text)).as(text).isInstanceOf(JsonException.class);
        }
    }

    @Test
    void integersOfUpTo18CharactersAndBeyondParseExactly() throws JsonException {
        for (String n : new String[] {
            "0",
            "-0",
            "7",
            "-7",
            "999999999999999999",
            "-99999999999999999",
            "-999999999999999999",
            "9223372036854775807",
            "-9223372036854775808",
            "1796083159"
        }) {
            assertThat(Json.parse(n)).as(n).isEqualTo(Long.parseLong(n));
        }
        assertThat(Json.parse("9223372036854775808")).isEqualTo(9.223372036854775808E18);
    }

    @Test
    void rejectsDuplicateMemberNames() {
        assertThatThrownBy(() -> Json.parseObject("{\"alg\":\"RS256\",\"alg\":\"none\"}"))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> Json.parseObject("{\"a\":{\"b\":1,\"b\":1}}")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.parseObject("{\"a\":1,\"\\u0061\":2}")).isInstanceOf(JsonException.class);
    }

    @Test
    void keepsMembersDifferingOnlyInCase() throws JsonException {
        assertThat(Json.parseObject("{\"alg\":1,\"ALG\":2}")).hasSize(2);
    }

    @Test
    void boundsNestingWithoutStackOverflow() throws JsonException {
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(Json.parse(ok)).isInstanceOf(List.class);
        for (int depth : new int[] {Json.MAX_DEPTH + 1, 10_000, 1_000_000}) {
            String deep = "[".repeat(depth) + "]".repeat(depth);
            assertThatThrownBy(() -> Json.parse(deep))
                    .isInstanceOf(JsonException.class)
                    .hasMessageContaining("nested");
            String deepObj = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            assertThatThrownBy(() -> Json.parse(deepObj)).isInstanceOf(JsonException.class);
        }
    }

    @Test
    void decodesEscapes() throws JsonException {
        assertThat(Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\""))
                .isEqualTo("\"\\/\b\f\n\r\t\u00e9\uD83D\uDE00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"abc", "\"\\", "\"a\u0001b\"", "\"a\nb\"", "'a'"})
    void rejectsBadStringsAndEscapes(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
    }

    @Test
    void readsNumbers() throws JsonException {
        assertThat(Json.parse("0")).isEqualTo(0L);
        assertThat(Json.parse("-0")).isEqualTo(0L);
        assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Json.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(Json.parse("9223372036854775808")).isInstanceOf(Double.class);
        assertThat(Json.parse("1700000000.5")).isEqualTo(1.7000000005E9);
        assertThat(Json.parse("1e-3")).isEqualTo(0.001);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "01",
                "+1",
                "1.",
                ".5",
                "1e",
                "1e+",
                "-",
                "0x10",
                "NaN",
                "Infinity",
                "1e400",
                "-1e400",
                "1 2",
                "[1,]",
                "{\"a\":1,}",
                "{,}",
                "[",
                "{\"a\"}",
                "{\"a\":}",
                "{1:2}",
                "tru",
                "nul",
                "",
                " ",
                "[] x"
            })
    void rejectsWhatIsNotStrictJson(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
    }

    @Test
    void parseObjectRefusesOtherValues() {
        for (String text : List.of("[]", "\"x\"", "1", "null", "true")) {
            assertThatThrownBy(() -> Json.parseObject(text)).isInstanceOf(JsonException.class);
        }
    }

    @Test
    void errorMessagesNeverQuoteTheInput() {
        String secret = "eyJzZWNyZXQiOiJ0b2tlbiJ9";
        assertThatThrownBy(() -> Json.parse("{\"" + secret + "\":1,\"" + secret + "\":2}"))
                .isInstanceOf(JsonException.class)
                .message()
                .doesNotContain(secret);
        assertThatThrownBy(() -> Json.parse(secret)).message().doesNotContain(secret);
    }

    @Test
    void unicodeEscapesTakeOnlyAsciiHexDigits() throws JsonException {
        // Character.digit accepts fullwidth digits: with it "\\u\uFF10\uFF10\uFF16\uFF19ss" spelled "iss".
        assertThat(Json.parse("\"\\u0069ss\"")).isEqualTo("iss");
        assertThat(Json.parse("\"\\u00aF\"")).isEqualTo("\u00af");
        for (String digits : List.of(
                "\uFF10\uFF10\uFF16\uFF19",
                "\u0660\u0660\u0666\u0669",
                "00\uFF16\uFF19",
                "006\uFF49",
                "006 ",
                "00-9",
                "00g9",
                "00G9",
                "00/9",
                "00:9",
                "00@9",
                "00`9")) {
            assertThatThrownBy(() -> Json.parseObject("{\"\\u" + digits + "ss\":\"https://evil.test\"}"))
                    .as("\\u%s", digits)
                    .isInstanceOf(JsonException.class)
                    .hasMessageContaining("unicode escape");
        }
    }

    @Test
    void refusesLoneSurrogatesEscapedOrRaw() throws JsonException {
        assertThat(Json.parse("\"\\uD83D\\uDE00\"")).isEqualTo("\uD83D\uDE00");
        assertThat(Json.parse("\"a\uD83D\uDE00b\"")).isEqualTo("a\uD83D\uDE00b");
        for (String text : List.of(
                "\"\\uD83D\"",
                "\"\\uDE00\"",
                "\"\\uD83Dx\"",
                "\"\\uD83D\\u0041\"",
                "\"\\uD83D\\uD83D\"",
                "\"\\uDE00\\uD83D\"",
                "\"\\uD83D\\n\"",
                "\"\\uD83D\\u\"",
                "\"\uD83D\"",
                "\"\uDE00\"",
                "\"a\uD83Dx\"",
                "\"\\n\uDE00\"",
                "\"\uDE00\uD83D\"")) {
            assertThatThrownBy(() -> Json.parse(text))
                    .as(text.replace('\\', '/'))
                    .isInstanceOf(JsonException.class);
        }
    }

    @Test
    void readsLiteralsAndWhitespaceEverywhereJsonAllowsIt() throws JsonException {
        assertThat(Json.parse("false")).isEqualTo(Boolean.FALSE);
        assertThat(Json.parse("true")).isEqualTo(Boolean.TRUE);
        assertThat(Json.parse("null")).isSameAs(Json.NULL);
        assertThat(Json.parse("[null]")).isEqualTo(List.of(Json.NULL));
        assertThat(Json.parse("[ ]")).isEqualTo(List.of());
        assertThat(Json.parse("{ }")).isEqualTo(Map.of());
        assertThat(Json.parse("[ 1 , 2 ]")).isEqualTo(List.of(1L, 2L));
        assertThat(Json.parse("\t{ \"a\" : 1 ,\r\n \"b\" :\t[ ] }\n")).isEqualTo(Map.of("a", 1L, "b", List.of()));
    }

    @Test
    void nestingDepthCountsOnlyOpenContainersNotSiblings() throws JsonException {
        String arrays = "[" + "[],".repeat(Json.MAX_DEPTH * 2) + "[1]," + "[[2]],".repeat(Json.MAX_DEPTH * 2) + "[]]";
        assertThat((List<?>) Json.parse(arrays)).hasSize(Json.MAX_DEPTH * 4 + 2);
        StringBuilder objects = new StringBuilder("{");
        for (int i = 0; i < Json.MAX_DEPTH * 2; i++) {
            objects.append("\"e").append(i).append("\":{},\"o").append(i).append("\":{\"x\":{\"y\":1}},");
        }
        objects.append("\"end\":1}");
        assertThat(Json.parseObject(objects.toString())).hasSize(Json.MAX_DEPTH * 4 + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\u", "\"\\u1", "\"\\u12", "\"\\u123", "\"\uD83D", "\"a\\n\uD83D", "\"\\uD83D\\uDE0"})
    void truncatedEscapesAndSurrogatesAtTheEndAreRefusedNotCrashed(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
    }
}
