package dev.keyfence.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.json.JsonException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parsed objects are compact array maps up to {@link JsonObject#MAX_MEMBERS} members and hash maps
 * beyond: both behave as the same unmodifiable, ordered map, and both refuse duplicate names.
 */
class JsonObjectTest {

    private static String object(int members) {
        return IntStream.range(0, members)
                .mapToObj(i -> "\"m" + i + "\":" + i)
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static Map<String, Object> expected(int members) {
        Map<String, Object> m = new LinkedHashMap<>();
        IntStream.range(0, members).forEach(i -> m.put("m" + i, (long) i));
        return m;
    }

    /** Sizes, emptiness and exhausted iterators of the map and its three views. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 16})
    void viewsHaveTheMapsSizeAndIteratorsEndWhereTheMembersDo(int members) throws JsonException {
        Map<String, Object> parsed = Json.parseObject(object(members));
        assertThat(parsed.size()).isEqualTo(members);
        assertThat(parsed.isEmpty()).isEqualTo(members == 0);
        assertThat(parsed.keySet()).hasSize(members);
        assertThat(parsed.values()).hasSize(members);
        assertThat(parsed.entrySet()).hasSize(members);
        assertThat(parsed.containsKey("absent")).isFalse();
        for (java.util.Collection<?> view : List.of(parsed.keySet(), parsed.values(), parsed.entrySet())) {
            java.util.Iterator<?> it = view.iterator();
            for (int i = 0; i < members; i++) {
                assertThat(it.hasNext()).isTrue();
                it.next();
            }
            assertThat(it.hasNext()).isFalse();
            assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
        }
    }

    /**
     * Lookups skip a scan when the name's bit (its hash code's low six bits) is clear: on random
     * objects over names that share bits ({@code kid} and {@code x5c}; {@code tid} and
     * {@code client_id}), known and unknown names, asked for by the same instance the parser
     * handed out and by a fresh copy, every lookup answers as a {@code LinkedHashMap} does.
     */
    @Test
    void lookupsAnswerAsAHashMapForNamesThatShareTheirBit() throws JsonException {
        List<String> pool = List.of(
                "kid", "x5c", "tid", "client_id", "iss", "aud", "exp", "nbf", "cnf", "zz", "Aa", "BB", "m63", "");
        assertThat("kid".hashCode() & 63).isEqualTo("x5c".hashCode() & 63);
        assertThat("tid".hashCode() & 63).isEqualTo("client_id".hashCode() & 63);
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        java.util.Random random = new java.util.Random(17);
        for (int round = 0; round < 2_000; round++) {
            Map<String, Object> expected = new LinkedHashMap<>();
            for (String name : pool) {
                if (random.nextInt(3) == 0) {
                    expected.put(name, (long) expected.size());
                }
            }
            String json = expected.keySet().stream()
                    .map(n -> "\"" + n + "\":" + expected.get(n))
                    .collect(Collectors.joining(",", "{", "}"));
            Map<String, Object> parsed = Json.parseObject(json);
            for (String name : pool) {
                for (String asked : List.of(name, new String(name.toCharArray()))) {
                    assertThat(parsed.get(asked)).as("%s in %s", asked, json).isEqualTo(expected.get(name));
                    assertThat(parsed.containsKey(asked))
                            .as("%s in %s", asked, json)
                            .isEqualTo(expected.containsKey(name));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 15, 16, 17, 40})
    void behavesAsAnOrderedMapAtEverySize(int members) throws JsonException {
        Map<String, Object> parsed = Json.parseObject(object(members));
        Map<String, Object> expected = expected(members);
        assertThat(parsed).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(expected).isEqualTo(parsed);
        assertThat(parsed.keySet()).containsExactlyElementsOf(expected.keySet());
        assertThat(parsed.values()).containsExactlyElementsOf(expected.values());
        assertThat(parsed.entrySet()).containsExactlyElementsOf(expected.entrySet());
        assertThat(parsed.get("m0")).isEqualTo(0L);
        assertThat(parsed.get("absent")).isNull();
        assertThat(parsed.get(42)).isNull();
        assertThat(parsed.containsKey("m" + (members - 1))).isTrue();
        assertThat(parsed.toString()).isEqualTo(expected.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 17, 40})
    void isUnmodifiable(int members) throws JsonException {
        Map<String, Object> parsed = Json.parseObject(object(members));
        assertThatThrownBy(() -> parsed.put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> parsed.remove("m0")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(parsed::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> parsed.entrySet().iterator().next().setValue(2L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(parsed).hasSize(members);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 16, 17, 40})
    void refusesADuplicateAfterAnyNumberOfMembers(int before) {
        String json = object(before + 1).replaceFirst("}$", ",\"m0\":0}");
        assertThatThrownBy(() -> Json.parseObject(json))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("duplicate member name");
        String late = object(before + 1).replaceFirst("}$", ",\"m" + before + "\":0}");
        assertThatThrownBy(() -> Json.parseObject(late))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("duplicate member name");
    }

    @Test
    void nestedObjectsKeepTheirOwnMembers() throws JsonException {
        Map<String, Object> parsed =
                Json.parseObject("{\"a\":1,\"cnf\":{\"jkt\":\"x\",\"a\":2},\"b\":" + object(20) + ",\"c\":3}");
        assertThat(parsed.keySet()).containsExactly("a", "cnf", "b", "c");
        assertThat(parsed.get("cnf")).isEqualTo(Map.of("jkt", "x", "a", 2L));
        assertThat(parsed.get("b")).isEqualTo(expected(20));
        assertThat(parsed.get("c")).isEqualTo(3L);
    }

    @Test
    void aRefusedDocumentLeavesNothingBehindForTheNext() throws JsonException {
        assertThatThrownBy(() -> Json.parseObject("{\"a\":{\"b\":{\"c\":1,\"c\":2}}}"))
                .isInstanceOf(JsonException.class);
        assertThat(Json.parseObject("{\"d\":{\"e\":4}}")).isEqualTo(Map.of("d", Map.of("e", 4L)));
    }

    @Test
    void knownNamesAreSharedAndEqualTextOnly() throws JsonException {
        Map<String, Object> parsed =
                Json.parseObject("{\"alg\":\"RS256\",\"alG\":\"x\",\"client_id\":\"JWT\",\"kid\":\"k\"}");
        assertThat(parsed.keySet()).containsExactly("alg", "alG", "client_id", "kid");
        assertThat(parsed.keySet().iterator().next()).isSameAs("alg");
        assertThat(parsed.get("alG")).isEqualTo("x");
        assertThat(parsed.get("client_id")).isEqualTo("JWT");
    }
}
