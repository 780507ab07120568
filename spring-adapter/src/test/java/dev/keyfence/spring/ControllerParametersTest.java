package dev.keyfence.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.spring.controllers.Parameters;
import dev.keyfence.spring.controllers.jwtdefaults.JwtDefaultsApp;
import dev.keyfence.spring.controllers.keyfencechain.KeyfenceChainApp;
import dev.keyfence.spring.controllers.resolverchain.ResolverChainApp;
import dev.keyfence.testkit.ReadmeSnippets;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each documented way of getting the verified token in a controller ({@code @AuthenticationPrincipal
 * KeyfenceJwt}, a {@code KeyfenceAuthenticationToken} parameter), in a real Spring Boot app over
 * HTTP, under the application's own {@code o.jwt(Customizer.withDefaults())} chain, under the
 * Spring README's own chain with the Keyfence resolver, and under Keyfence's default chain; and a
 * forged consumer token never reaches any of them.
 */
class ControllerParametersTest {
    static final Fixture WORLD = new Fixture();

    static {
        Parameters.CLOCK[0] = WORLD.clock;
    }

    @DynamicPropertySource
    static void keyfence(DynamicPropertyRegistry registry) {
        WORLD.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterAll
    static void stop() {
        WORLD.server.close();
    }

    abstract static class Ways {
        @LocalServerPort
        int port;

        @ParameterizedTest
        @ValueSource(strings = {"/api/principal", "/api/authentication"})
        void givesTheVerifiedTokenWithWhatKeyfenceLearned(String path) throws Exception {
            String token = WORLD.enterpriseToken("tid-a", "api://mail")
                    .subject("alice")
                    .signedWith(Fixture.ENTERPRISE);
            HttpResponse<String> r = WORLD.get(port, path, token);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body())
                    .isEqualTo(
                            "{\"sub\":\"alice\",\"keyScope\":\"enterprise\",\"tenant\":\"tid-a\",\"issuerName\":\"enterprise\"}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/api/principal", "/api/authentication"})
        void aConsumerKeySigningForAnEnterpriseTenantNeverReachesTheController(String path) throws Exception {
            String forged = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(Fixture.SHARED_CONSUMER);
            HttpResponse<String> r = WORLD.get(port, path, forged);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error_description=\"KEY_SCOPE_NOT_ACCEPTED\"");
        }
    }

    @Nested
    @SpringBootTest(classes = JwtDefaultsApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class UnderJwtCustomizerWithDefaults extends Ways {}

    @Nested
    @SpringBootTest(classes = KeyfenceChainApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class UnderKeyfenceDefaultChain extends Ways {}

    @Nested
    @SpringBootTest(classes = ResolverChainApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class UnderTheReadmesResolverChain extends Ways {}

    @Test
    void theReadmesOwnChainIsTheOneTestedHere() {
        ReadmeSnippets.assertShownBy(
                Path.of("README.md"),
                "SecurityFilterChain api(HttpSecurity http, KeyfenceResourceResolver",
                Path.of("src/test/java/dev/keyfence/spring/controllers/resolverchain/ResolverChainApp.java"));
    }
}
