package dev.keyfence.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.Test;

class JwkSetTest {

    @Test
    void serializesKeysInOrder() throws Exception {
        TestKey a = TestKey.rsa("a");
        TestKey b = TestKey.ec("b", "P-256");
        JwkSet set = JwkSet.of(a.jwk(), b.jwk().member("use", "sig"));
        assertThat(set.toJson())
                .isEqualTo("{\"keys\":[" + a.jwk().toJson() + ","
                        + b.jwk().member("use", "sig").toJson() + "]}");
        JsonWebKeySet parsed = new JsonWebKeySet(set.toJson());
        assertThat(parsed.getJsonWebKeys()).extracting(k -> k.getKeyId()).containsExactly("a", "b");
    }

    @Test
    void rawEntriesAreVerbatimBesideGoodKeys() {
        TestKey a = TestKey.rsa("a");
        JwkSet set = JwkSet.of(a)
                .withRaw("{\"kty\":\"RSA\",\"kid\":\"bad\",\"n\":42}")
                .member("extra", 1);
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.toJson())
                .isEqualTo(
                        "{\"keys\":[" + a.jwk().toJson() + ",{\"kty\":\"RSA\",\"kid\":\"bad\",\"n\":42}],\"extra\":1}");
        assertThat(JwkSet.of("{}", "[]").toJson()).isEqualTo("{\"keys\":[{},[]]}");
    }

    @Test
    void withoutKidAndEmpty() {
        JwkSet set = JwkSet.of(TestKey.rsa("a"), TestKey.rsa("b"));
        assertThat(set.withoutKid("a").size()).isEqualTo(1);
        assertThat(set.withoutKid("a").toJson()).contains("\"kid\":\"b\"").doesNotContain("\"kid\":\"a\"");
        assertThat(set.size()).isEqualTo(2);
        assertThat(JwkSet.empty().toJson()).isEqualTo("{\"keys\":[]}");
    }
}
