package dev.keyfence.internal.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.ResourcePolicy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The copy-free {@code typ} comparison decides exactly as normalising with {@link ResourcePolicy#normalizeType} would. */
class TypeCheckAcceptsTest {
    private static final List<String> CONFIGURED =
            List.of("JWT", "at+jwt", "application/application/jwt", "jw\u0131", "k\u00e9y", "");

    private static Set<String> accepted() {
        Set<String> set = new LinkedHashSet<>();
        CONFIGURED.forEach(t -> set.add(ResourcePolicy.normalizeType(t)));
        return set;
    }

    @Test
    void theUsualSpellingsAreAcceptedAndLookAlikesAreNot() {
        Set<String> accepted = accepted();
        assertThat(TypeCheck.accepts(accepted, "JWT")).isTrue();
        assertThat(TypeCheck.accepts(accepted, "application/JWT")).isTrue();
        assertThat(TypeCheck.accepts(accepted, "AT+JWT")).isTrue();
        assertThat(TypeCheck.accepts(accepted, "Application/Application/Jwt")).isTrue();
        assertThat(TypeCheck.accepts(accepted, "JWT ")).isFalse();
        assertThat(TypeCheck.accepts(accepted, "application/")).isTrue(); // "" is configured
        // dotless i (configured) and the Kelvin sign: ASCII folding never equates them with i or k
        assertThat(TypeCheck.accepts(accepted, "JWI")).isFalse();
        assertThat(TypeCheck.accepts(accepted, "JW\u0131")).isTrue();
        assertThat(TypeCheck.accepts(accepted, "K\u00c9Y")).isTrue(); // a non-ASCII capital is lowercased too
        assertThat(TypeCheck.accepts(accepted, "\u212Aey"))
                .isEqualTo(accepted.contains(ResourcePolicy.normalizeType("\u212Aey")));
    }

    @Test
    void decidesAsNormalisingWouldOnRandomValues() {
        Set<String> accepted = accepted();
        String alphabet = "jJwWtTaA+/pPlLiIcCoOnN\u0131\u0130\u212A\u00e9\u00c9kKey ";
        Random random = new Random(11);
        int acceptedCount = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (random.nextBoolean()) {
                sb.append(random.nextBoolean() ? "application/" : "APPLICATION/");
            }
            for (String base : List.of("jwt", "at+jwt", "k\u00e9y")) {
                if (random.nextInt(3) == 0) {
                    sb.append(base);
                }
            }
            int extra = random.nextInt(4);
            for (int j = 0; j < extra; j++) {
                sb.insert(random.nextInt(sb.length() + 1), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String typ = random.nextBoolean() ? sb.toString().toUpperCase(java.util.Locale.ROOT) : sb.toString();
            boolean expected = accepted.contains(ResourcePolicy.normalizeType(typ));
            assertThat(TypeCheck.accepts(accepted, typ)).as(typ).isEqualTo(expected);
            if (expected) {
                acceptedCount++;
            }
        }
        assertThat(acceptedCount).as("values accepted").isGreaterThan(10_000);
    }
}
