package dev.keyfence.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesScalars() {
        assertThat(Json.write(null)).isEqualTo("null");
        assertThat(Json.write(true)).isEqualTo("true");
        assertThat(Json.write(42)).isEqualTo("42");
        assertThat(Json.write(-7L)).isEqualTo("-7");
        assertThat(Json.write(1.5)).isEqualTo("1.5");
        assertThat(Json.write(new BigInteger("123456789012345678901234567890")))
                .isEqualTo("123456789012345678901234567890");
        assertThat(Json.write(Instant.ofEpochSecond(1700000000, 999_000_000))).isEqualTo("1700000000");
    }

    @Test
    void escapesStrings() {
        assertThat(Json.write("a\"b\\c\n\t\u0001/é")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001/é\"");
    }

    @Test
    void keepsMemberOrderAndNests() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1);
        m.put("a", List.of("x", Map.of("k", false)));
        m.put("raw", RawJson.of("{\"dup\":1,\"dup\":2}"));
        m.put("arr", new Object[] {1, "two"});
        assertThat(Json.write(m))
                .isEqualTo("{\"z\":1,\"a\":[\"x\",{\"k\":false}],\"raw\":{\"dup\":1,\"dup\":2},\"arr\":[1,\"two\"]}");
    }

    @Test
    void rejectsWhatJsonCannotHold() {
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
