package dev.keyfence.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Audit fields are quoted so that an attacker-chosen kid, iss or tid cannot end its field early. */
class SafeTest {
    @Test
    void escapesQuotesAndBackslashesSoAFieldCannotBeEndedEarly() {
        assertThat(Safe.text("a\"b")).isEqualTo("\"a\\\"b\"");
        assertThat(Safe.text("a\\")).isEqualTo("\"a\\\\\"");
        assertThat(Safe.text("k\" tid=\"victim")).isEqualTo("\"k\\\" tid=\\\"victim\"");
    }

    @Test
    void forgedFieldNeverParsesAsItsOwnField() {
        String line = "kid=" + Safe.text("x\" scope=\"enterprise") + " scope=\"consumer\"";
        // the first unescaped quote after kid=" closes the kid field
        int close = line.indexOf('"', 5);
        while (line.charAt(close - 1) == '\\') {
            close = line.indexOf('"', close + 1);
        }
        assertThat(line.substring(close + 1)).isEqualTo(" scope=\"consumer\"");
    }

    @Test
    void replacesControlCharactersAndBoundsLength() {
        assertThat(Safe.text("a\nb\u2028")).isEqualTo("\"a?b?\"");
        assertThat(Safe.text("x".repeat(500))).hasSize(120 + 5);
    }

    @Test
    void replacesEveryControlAndLineSeparatorAndKeepsTheirNeighbours() {
        assertThat(Safe.text("\u0000\u001f \u007e\u007f\u0080")).isEqualTo("\"?? ~?\u0080\"");
        assertThat(Safe.text("\u2027\u2028\u2029\u202a")).isEqualTo("\"\u2027??\u202a\"");
    }

    @Test
    void cutsOnlyWhatIsLongerThanTheBound() {
        String exact = "y".repeat(120);
        assertThat(Safe.text(exact)).isEqualTo("\"" + exact + "\"");
        assertThat(Safe.text(exact + "z")).isEqualTo("\"" + exact + "...\"");
        assertThat(Safe.text(null)).isEqualTo("(none)");
        assertThat(Safe.text("")).isEqualTo("\"\"");
    }
}
