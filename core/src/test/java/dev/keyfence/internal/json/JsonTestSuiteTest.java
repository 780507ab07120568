package dev.keyfence.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.json.JsonException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JSONTestSuite's {@code test_parsing} (nst/JSONTestSuite, MIT, in the test resources): every
 * {@code y_} file parses (but the two with duplicate member names, refused by contract), every
 * {@code n_} file is refused, and each {@code i_} file's behaviour is
 * pinned below with the reason. Bytes are read as Keyfence reads a token part or a key set:
 * strict UTF-8 first (malformed bytes are refused before any JSON is parsed), then {@link Json}.
 */
class JsonTestSuiteTest {
    /**
     * The two {@code y_} files Keyfence refuses on purpose: duplicate member names. The contract
     * makes them MALFORMED_TOKEN (RFC 7515 5.2 allows refusing them; taking the last "alg" or "iss"
     * is how parser-differential attacks pass a check and then another value).
     */
    static final List<String> REFUSED_BY_CONTRACT =
            List.of("y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json");

    /** Implementation-defined cases: true when Keyfence accepts, with why. */
    static final Map<String, Boolean> IMPLEMENTATION_DEFINED = new TreeMap<>(Map.ofEntries(
            // Numbers: a finite double or a long is kept; what overflows a double is refused ("number out of range").
            Map.entry("i_number_double_huge_neg_exp.json", true), // underflows to 0.0: a finite number
            Map.entry("i_number_huge_exp.json", false), // overflows to infinity
            Map.entry("i_number_neg_int_huge_exp.json", false), // overflows to -infinity
            Map.entry("i_number_pos_double_huge_exp.json", false), // overflows to infinity
            Map.entry("i_number_real_neg_overflow.json", false), // -1.5e308 * 10: overflows
            Map.entry("i_number_real_pos_overflow.json", false), // overflows
            Map.entry("i_number_real_underflow.json", true), // 123e-10000000 underflows to 0.0
            Map.entry("i_number_too_big_neg_int.json", true), // beyond long: kept as a double
            Map.entry("i_number_too_big_pos_int.json", true), // beyond long: kept as a double
            Map.entry("i_number_very_big_negative_int.json", true), // beyond long: kept as a double
            // Lone or inverted surrogates, escaped: refused, so that no string holds half a character.
            Map.entry("i_object_key_lone_2nd_surrogate.json", false),
            Map.entry("i_string_1st_surrogate_but_2nd_missing.json", false),
            Map.entry("i_string_1st_valid_surrogate_2nd_invalid.json", false),
            Map.entry("i_string_incomplete_surrogate_and_escape_valid.json", false),
            Map.entry("i_string_incomplete_surrogate_pair.json", false),
            Map.entry("i_string_incomplete_surrogates_escape_valid.json", false),
            Map.entry("i_string_invalid_lonely_surrogate.json", false),
            Map.entry("i_string_invalid_surrogate.json", false),
            Map.entry("i_string_inverted_surrogates_U+1D11E.json", false),
            Map.entry("i_string_lone_second_surrogate.json", false),
            // Not UTF-8 (RFC 8259 8.1 requires UTF-8 between systems): refused before parsing.
            Map.entry("i_string_UTF-16LE_with_BOM.json", false),
            Map.entry("i_string_UTF-8_invalid_sequence.json", false),
            Map.entry("i_string_UTF8_surrogate_U+D800.json", false),
            Map.entry("i_string_invalid_utf-8.json", false),
            Map.entry("i_string_iso_latin_1.json", false),
            Map.entry("i_string_lone_utf8_continuation_byte.json", false),
            Map.entry("i_string_not_in_unicode_range.json", false),
            Map.entry("i_string_overlong_sequence_2_bytes.json", false),
            Map.entry("i_string_overlong_sequence_6_bytes.json", false),
            Map.entry("i_string_overlong_sequence_6_bytes_null.json", false),
            Map.entry("i_string_truncated-utf-8.json", false),
            Map.entry("i_string_utf16BE_no_BOM.json", false),
            Map.entry("i_string_utf16LE_no_BOM.json", false),
            // Deeper than Json.MAX_DEPTH (32): refused, bounded recursion.
            Map.entry("i_structure_500_nested_arrays.json", false),
            // A byte order mark is no JSON whitespace (RFC 8259 8.1: "MUST NOT add a byte order mark").
            Map.entry("i_structure_UTF-8_BOM_empty_object.json", false)));

    @Test
    void everyYesParsesEveryNoIsRefusedAndEachImplementationDefinedCaseIsPinned()
            throws IOException, URISyntaxException {
        Path dir = Path.of(JsonTestSuiteTest.class
                .getResource("/vectors/jsontestsuite/test_parsing")
                .toURI());
        List<String> wrong = new ArrayList<>();
        Map<Character, Integer> counts = new TreeMap<>();
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (String name : names) {
            byte[] bytes;
            try (InputStream in = Files.newInputStream(dir.resolve(name))) {
                bytes = in.readAllBytes();
            }
            boolean accepted = accepts(bytes);
            if (acceptsBytes(bytes) != accepted) { // a token's header and payload are parsed as bytes
                wrong.add("the byte and the text entry differ on " + name);
            }
            char kind = name.charAt(0);
            counts.merge(kind, 1, Integer::sum);
            switch (kind) {
                case 'y' -> {
                    if (accepted == REFUSED_BY_CONTRACT.contains(name)) {
                        wrong.add("refused " + name);
                    }
                }
                case 'n' -> {
                    if (accepted) {
                        wrong.add("accepted " + name);
                    }
                }
                default -> {
                    Boolean pinned = IMPLEMENTATION_DEFINED.get(name);
                    if (pinned == null || pinned != accepted) {
                        wrong.add((accepted ? "accepted " : "refused ") + name + ", pinned " + pinned);
                    }
                }
            }
        }
        System.out.println("JSONTestSuite test_parsing: " + counts);
        assertThat(wrong).isEmpty();
        assertThat(counts.get('i')).isEqualTo(IMPLEMENTATION_DEFINED.size());
        assertThat(counts.get('y')).isPositive();
        assertThat(counts.get('n')).isPositive();
    }

    /** Whether the parser, handed the bytes as they are (as a token's decoded parts are), accepts them. */
    static boolean acceptsBytes(byte[] bytes) {
        try {
            Json.parse(bytes);
            return true;
        } catch (JsonException e) {
            return false;
        }
    }

    static boolean accepts(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        try {
            Json.parse(text);
            return true;
        } catch (JsonException e) {
            return false;
        }
    }
}
