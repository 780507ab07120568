package dev.keyfence.test;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * WebTestClient: every request of the mutated client sends a real token in the
 * {@code Authorization} header, through the Keyfence decoder like a real one.
 *
 * <pre>{@code
 * client.mutateWith(KeyfenceWebTestClient.bearer(idp.token())).get().uri("/api/me")
 *       .exchange().expectStatus().isOk();
 * }</pre>
 */
public final class KeyfenceWebTestClient {
    private KeyfenceWebTestClient() {}

    /** A mutator adding {@code Authorization: Bearer} with a token newly minted from {@code token}. */
    public static WebTestClientConfigurer bearer(TestToken token) {
        return bearer(Objects.requireNonNull(token, "token").mint());
    }

    /** A mutator adding {@code Authorization: Bearer} with this token. */
    public static WebTestClientConfigurer bearer(String token) {
        Objects.requireNonNull(token, "token");
        return new WebTestClientConfigurer() {
            @Override
            public void afterConfigurerAdded(
                    WebTestClient.Builder builder,
                    @Nullable WebHttpHandlerBuilder httpHandlerBuilder,
                    @Nullable ClientHttpConnector connector) {
                builder.defaultHeader("Authorization", "Bearer " + token);
            }
        };
    }
}
