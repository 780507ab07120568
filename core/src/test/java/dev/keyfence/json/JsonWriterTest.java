package dev.keyfence.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The compact JSON writer: exact output, and what it writes the strict parser reads back unchanged. */
class JsonWriterTest {

    @Test
    void writesEveryValueTypeExactly() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "x");
        m.put("i", 7);
        m.put("l", -12L);
        m.put("d", 1.5);
        m.put("inf", Double.POSITIVE_INFINITY);
        m.put("nan", Float.NaN);
        m.put("t", true);
        m.put("n", null);
        m.put("N", JsonReader.NULL);
        m.put("o", Optional.of("y"));
        m.put("e", Optional.empty());
        m.put("a", List.of(1L, List.of(), Map.of()));
        m.put("at", Instant.EPOCH);
        assertThat(JsonWriter.write(m))
                .isEqualTo(
                        "{\"s\":\"x\",\"i\":7,\"l\":-12,\"d\":1.5,\"inf\":null,\"nan\":null,"
                                + "\"t\":true,\"n\":null,\"N\":null,\"o\":\"y\",\"e\":null,\"a\":[1,[],{}],\"at\":\"1970-01-01T00:00:00Z\"}");
        assertThat(JsonWriter.write(List.of("a", "b"))).isEqualTo("[\"a\",\"b\"]");
        assertThat(JsonWriter.write(Map.of())).isEqualTo("{}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(JsonWriter.write("a\"b\\c\nd\re\tf\u0001g\u001fh\u2028i\u2029j k\u00e9"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh\\u2028i\\u2029j k\u00e9\"");
        assertThat(JsonWriter.write(" ")).isEqualTo("\" \"");
    }

    @Test
    void quoteEscapesEveryControlCharacterAndNothingPrintable() {
        for (char c = 0; c < 0x20; c++) {
            String expected = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> String.format("\\u%04x", (int) c);
            };
            assertThat(JsonWriter.quote(String.valueOf(c)))
                    .as("U+%04X", (int) c)
                    .isEqualTo("\"" + expected + "\"");
        }
        assertThat(JsonWriter.quote("\u007f/<>'")).isEqualTo("\"\u007f/<>'\"");
        assertThat(JsonWriter.quote("")).isEqualTo("\"\"");
    }

    @Test
    void quoteEscapesQuoteBackslashAndTheJavaScriptLineSeparators() {
        assertThat(JsonWriter.quote("\"")).isEqualTo("\"\\\"\"");
        assertThat(JsonWriter.quote("\\")).isEqualTo("\"\\\\\"");
        assertThat(JsonWriter.quote("\\\"")).isEqualTo("\"\\\\\\\"\"");
        assertThat(JsonWriter.quote("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
        // an attacker's kid cannot close the string and add a member
        assertThat(JsonWriter.write(Map.of("kid", "a\",\"admin\":true,\"x\":\"")))
                .isEqualTo("{\"kid\":\"a\\\",\\\"admin\\\":true,\\\"x\\\":\\\"\"}");
    }

    @Test
    void quoteReplacesLoneSurrogatesAndKeepsPairs() throws JsonException {
        assertThat(JsonWriter.quote("\uD83D\uDE00")).isEqualTo("\"\uD83D\uDE00\"");
        assertThat(JsonWriter.quote("a\uD83Db")).isEqualTo("\"a\uFFFDb\"");
        assertThat(JsonWriter.quote("a\uDE00b")).isEqualTo("\"a\uFFFDb\"");
        assertThat(JsonWriter.quote("\uD83D")).isEqualTo("\"\uFFFD\"");
        assertThat(JsonWriter.quote("\uDE00\uD83D")).isEqualTo("\"\uFFFD\uFFFD\"");
        assertThat(JsonWriter.quote("\uD83D\uD83D\uDE00")).isEqualTo("\"\uFFFD\uD83D\uDE00\"");
        // the strict parser refuses lone surrogates; what the writer writes it always reads back
        assertThat(JsonReader.parse(JsonWriter.write(List.of("x\uD800", "\uDFFFy"))))
                .isEqualTo(List.of("x\uFFFD", "\uFFFDy"));
    }

    @Test
    void mapKeysAndOtherValuesGoThroughTheSameEscaper() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k\"\n\uD800", new StringBuilder("v\u2028"));
        assertThat(JsonWriter.write(m)).isEqualTo("{\"k\\\"\\n\uFFFD\":\"v\\u2028\"}");
    }

    @Test
    void whatItWritesParsesBackUnchanged() throws JsonException {
        String tricky = "\"\\\n\r\t\u0000\u001f\u0020\u007f\u2028\u2029\uD83D\uDE00";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(tricky, List.of(tricky, 1L, -2.5, true, false, JsonReader.NULL, Map.of("k", List.of())));
        assertThat(JsonReader.parse(JsonWriter.write(m))).isEqualTo(m);
    }
}
