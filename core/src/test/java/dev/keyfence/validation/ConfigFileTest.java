package dev.keyfence.validation;

import static dev.keyfence.validation.Fixture.assertAccepted;
import static dev.keyfence.validation.Fixture.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keyfence.ConfigurationException;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.Reason;
import dev.keyfence.TokenValidator;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A YAML configuration with a jwks-file drives the same validator; bad configurations name the setting. */
class ConfigFileTest {
    private static final TestKey EC = TestKey.ec("ec-1", "P-256");
    private static final TestKey ED = TestKey.ed25519("ed-1");
    private final Fixture f = new Fixture();

    @TempDir
    Path dir;

    private static String yaml(String resourceExtra) {
        return """
                issuers:
                  - name: contoso
                    issuer: "%s"
                    jwks-file: keys.json
                    key-scope: enterprise
                resource:
                  audiences: ["%s"]
                  accepted-key-scopes: [enterprise]
                  algorithms: [RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA]
                  required-claims: [sub]
                  clock-skew: PT60S
                %s""".formatted(Fixture.ISS, Fixture.AUD, resourceExtra);
    }

    private TokenValidator fromYaml() throws IOException {
        Files.writeString(
                dir.resolve("keys.json"), JwkSet.of(Fixture.RSA, EC, ED).toJson(), StandardCharsets.UTF_8);
        ValidationPolicy policy = KeyfenceConfig.parse(yaml(""), dir).policy().toBuilder()
                .clock(f.clock)
                .build();
        return TokenValidator.create(policy);
    }

    @Test
    void yamlWithJwksFileAcceptsAndRejectsLikeTheBuiltPolicy() throws IOException {
        TokenValidator v = fromYaml();
        assertAccepted(v.validate(f.token().signedWith(Fixture.RSA, "PS512")));
        assertAccepted(v.validate(f.token().signedWith(EC)));
        assertAccepted(v.validate(f.token().signedWith(ED)));
        assertRejected(v.validate(f.token().alg("nOnE").unsigned()), Reason.ALGORITHM_NOT_ALLOWED);
        assertRejected(
                v.validate(f.token()
                        .alg("HS256")
                        .signedWithHmacSecret(Fixture.RSA.publicKeyPem().getBytes(StandardCharsets.US_ASCII))),
                Reason.ALGORITHM_NOT_ALLOWED);
        assertRejected(v.validate(f.token().issuer(Fixture.ISS + "/").signedWith(EC)), Reason.ISSUER_NOT_TRUSTED);
        assertRejected(v.validate(f.token().kid("../../dev/null").signedWith(EC)), Reason.KEY_NOT_FOUND);
        assertRejected(v.validate(f.token().withoutClaim("sub").signedWith(EC)), Reason.CLAIM_MISSING);
        assertRejected(v.validate(f.token().signedWith(Fixture.RSA.fresh())), Reason.SIGNATURE_INVALID);
    }

    @Test
    void fromConfigReadsTheFileAndResolvesJwksFileBesideIt() throws IOException {
        Files.writeString(dir.resolve("keys.json"), JwkSet.of(EC).toJson(), StandardCharsets.UTF_8);
        Path config = dir.resolve("keyfence.yaml");
        Files.writeString(config, yaml(""), StandardCharsets.UTF_8);
        TokenValidator v = TokenValidator.fromConfig(config);
        assertAccepted(v.validate(
                Tokens.accessToken(Fixture.ISS, Fixture.AUD, Instant.now()).signedWith(EC)));
    }

    private ConfigurationException bad(String yaml) {
        return catchThrowableOfType(ConfigurationException.class, () -> KeyfenceConfig.parse(yaml, dir));
    }

    private static void assertNames(ConfigurationException e, String setting) {
        assertThat(e).as("a ConfigurationException").isInstanceOf(ConfigurationException.class);
        assertThat(e.setting()).isEqualTo(setting);
        assertThat(e.getMessage()).startsWith(setting + ": ");
    }

    @Test
    void unknownKeyIsNamed() {
        assertNames(bad(yaml("  colour: blue\n")), "resource.colour");
    }

    @Test
    void missingRequiredKeyIsNamed() {
        ConfigurationException e = bad(yaml("").replace("  audiences: [\"" + Fixture.AUD + "\"]\n", ""));
        assertNames(e, "resource.audiences");
        assertThat(bad("resource:\n  audiences: [a]\n  accepted-key-scopes: [enterprise]\n")
                        .getMessage())
                .startsWith("issuers");
    }

    @Test
    void badDurationIsNamed() {
        assertNames(bad(yaml("").replace("clock-skew: PT60S", "clock-skew: 60 seconds")), "resource.clock-skew");
    }

    @Test
    void clockSkewOverFiveMinutesIsNamed() {
        ConfigurationException e = bad(yaml("").replace("clock-skew: PT60S", "clock-skew: PT5M1S"));
        assertNames(e, "resource.clock-skew");
        assertThat(e.getMessage()).contains("PT5M");
    }

    @Test
    void symmetricAlgorithmOnTheResourceIsNamed() {
        assertNames(bad(yaml("").replace("algorithms: [RS256,", "algorithms: [HS256, RS256,")), "resource.algorithms");
    }
}
