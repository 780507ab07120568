package dev.keyfence.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension injects one running identity provider per class. */
@ExtendWith(KeyfenceTestExtension.class)
class KeyfenceTestExtensionTest {
    @Test
    void injectsARunningIdentityProviderServingKeysOverHttp(TestIdentityProvider idp) throws Exception {
        HttpResponse<String> keys = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(idp.enterpriseKeys().toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(keys.body()).contains("test-enterprise", "test-consumer").doesNotContain("test-unpublished");
        assertThat(idp.enterpriseKeys().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void theSameProviderServesEveryTestOfTheClass(TestIdentityProvider idp) {
        assertThat(idp).isSameAs(SEEN.updateAndGet(seen -> seen == null ? idp : seen));
    }

    private static final java.util.concurrent.atomic.AtomicReference<TestIdentityProvider> SEEN =
            new java.util.concurrent.atomic.AtomicReference<>();
}
