package dev.keyfence.internal.json;

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
        m.put("N", Json.NULL);
        m.put("o", Optional.of("y"));
        m.put("e", Optional.empty());
        m.put("a", List.of(1L, List.of(), Map.of()));
        m.put("at", Instant.EPOCH);
        assertThat(JsonWriter.write(m)).isEqualTo("{\"s\":\"x\",\"i\":7,\"l\":-12,\"d\":1.5,\"inf\":null,\"nan\":null,"
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
    void whatItWritesParsesBackUnchanged() throws JsonException {
        String tricky = "\"\\\n\r\t\u0000\u001f\u0020\u007f\u2028\u2029\uD83D\uDE00";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(tricky, List.of(tricky, 1L, -2.5, true, false, Json.NULL, Map.of("k", List.of())));
        assertThat(Json.parse(JsonWriter.write(m))).isEqualTo(m);
    }
}
