package dev.keyfence.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.json.JsonException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Json#holdsNull}: the parser records whether an object holds a JSON null at any depth, so
 * a verified token's claims are copied without nulls only when they hold one.
 */
class JsonHoldsNullTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{}|false",
                "{\"a\":1,\"b\":\"null\",\"c\":[true,false],\"d\":{\"e\":\"x\"}}|false",
                "{\"a\":null}|true",
                "{\"a\":1,\"b\":[1,null]}|true",
                "{\"a\":[{\"b\":[{\"c\":null}]}]}|true",
                "{\"a\":{\"b\":{\"c\":null}},\"z\":1}|true",
                "{\"a\":{\"b\":null},\"c\":{\"d\":1}}|true",
                "{\"a\":{\"b\":1},\"c\":{\"d\":1}}|false",
                "[null]|true",
                "[[1],{\"a\":[]}]|false",
                "null|true",
                "\"null\"|false"
            })
    void seesANullAtAnyDepth(String json, boolean holdsNull) throws JsonException {
        assertThat(Json.holdsNull(Json.parse(json))).isEqualTo(holdsNull);
    }

    @ParameterizedTest(name = "a null member after {0} others")
    @CsvSource({"0", "15", "16", "40"})
    void largeObjectsAreScanned(int before) throws JsonException {
        String members =
                IntStream.range(0, before).mapToObj(i -> "\"m" + i + "\":" + i).collect(Collectors.joining(","));
        String sep = before == 0 ? "" : ",";
        assertThat(Json.holdsNull(Json.parse("{" + members + sep + "\"n\":{\"x\":[null]}}")))
                .isTrue();
        assertThat(Json.holdsNull(Json.parse("{" + members + sep + "\"n\":{\"x\":[0]}}")))
                .isFalse();
    }

    @Test
    void aNullInOneMemberDoesNotMarkItsSiblings() throws JsonException {
        java.util.Map<String, Object> m = Json.parseObject("{\"a\":[null],\"b\":{\"c\":1}}");
        assertThat(Json.holdsNull(m)).isTrue();
        assertThat(Json.holdsNull(m.get("b"))).isFalse();
        assertThat(Json.holdsNull(m.get("a"))).isTrue();
    }
}
