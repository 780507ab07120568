package dev.keyfence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.testvectors.Wycheproof;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Project Wycheproof's JSON Web Signature and JSON Web Key vectors through the signature layer
 * ({@link SignatureVerification}, what {@code verify-signature} runs): no invalid vector verifies
 * and every valid one does. A group's key is its {@code public} member (its {@code private} one for
 * symmetric keys; private members are discarded on reading). A key set that holds no usable key
 * (an AES key, an empty HMAC secret, a key with a mismatched curve) is refused when it is loaded,
 * with a {@link ConfigurationException}: no token can verify against it, which counts as a rejection.
 */
class WycheproofJwsTest {
    /**
     * Vectors whose Wycheproof label Keyfence does not follow, each with the exact outcome pinned
     * and why. Upstream's own Java test lists the four "base64" ones as known defective.
     */
    static final Map<String, String> PINNED = Map.of(
            // RFC 7520 figure 20 is PS384, but the vector's key says alg PS256: the key's own alg must fit
            // the token's (CONTRACT section 3), so no key is found.
            "json_web_signature_test.json#346", "KEY_NOT_FOUND",
            "json_web_signature_test.json#350", "KEY_NOT_FOUND",
            // RFC 7520 figure 27 is ES512, but the vector's key says alg "ES521", which is no JWS algorithm.
            "json_web_signature_test.json#347", "KEY_NOT_FOUND",
            "json_web_signature_test.json#351", "KEY_NOT_FOUND",
            // Defective upstream: labelled invalid, but byte for byte the valid vector tcId 357.
            "json_web_signature_test.json#367", "verifies",
            "json_web_signature_test.json#370", "verifies",
            // Defective upstream: labelled valid, but a '?' sits in the base64url; strict base64url (RFC 7515 2).
            "json_web_signature_test.json#372", "MALFORMED_TOKEN",
            "json_web_signature_test.json#373", "MALFORMED_TOKEN");

    @ParameterizedTest
    @ValueSource(strings = {"json_web_signature_test.json", "json_web_key_test.json"})
    void noInvalidVectorVerifiesAndEveryValidOneDoes(String file) {
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        int valid = 0;
        int invalid = 0;
        for (Wycheproof.Case c : Wycheproof.cases(file)) {
            String outcome = outcome(c);
            outcomes.merge(c.result() + " -> " + outcome, 1, Integer::sum);
            String pinned = PINNED.get(file + "#" + c.id());
            if (pinned != null) {
                if (!pinned.equals(outcome)) {
                    wrong.add("pinned vector changed: " + c + ": " + outcome + " instead of " + pinned);
                }
                continue;
            }
            boolean verified = outcome.equals("verifies");
            if (c.result().equals("valid")) {
                valid++;
                if (!verified) {
                    wrong.add("valid vector refused: " + c + ": " + outcome);
                }
            } else {
                invalid++;
                if (verified) {
                    wrong.add("invalid vector verifies: " + c);
                }
            }
        }
        System.out.println(
                file + ": " + valid + " valid, " + invalid + " invalid (not counting pinned ones); " + outcomes);
        assertThat(wrong).as(file).isEmpty();
        assertThat(valid
                        + invalid
                        + PINNED.keySet().stream()
                                .filter(k -> k.startsWith(file))
                                .count())
                .isEqualTo(file.contains("signature") ? 401 : 26);
    }

    @org.junit.jupiter.api.Test
    void theInvalidLabelledVectorsThatVerifyAreByteIdenticalToAValidOne() {
        Map<String, String> jws = new TreeMap<>();
        for (Wycheproof.Case c : Wycheproof.cases("json_web_signature_test.json")) {
            jws.put(c.id(), c.string("jws"));
        }
        assertThat(jws.get("367")).isEqualTo(jws.get("357"));
        assertThat(jws.get("370")).isEqualTo(jws.get("357"));
    }

    @SuppressWarnings("unchecked")
    static String outcome(Wycheproof.Case c) {
        Map<String, Object> key =
                (Map<String, Object>) c.group().getOrDefault("public", c.group().get("private"));
        SignatureVerification keys;
        try {
            keys = SignatureVerification.of(Wycheproof.toJson(key));
        } catch (ConfigurationException refused) {
            return "key refused";
        }
        SignatureVerification.Result r = keys.verify(c.string("jws"));
        return r.reason().map(Reason::name).orElse("verifies");
    }
}
