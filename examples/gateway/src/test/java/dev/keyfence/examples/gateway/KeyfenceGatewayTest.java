package dev.keyfence.examples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.keyfence.test.KeyfenceWebTestClient;
import dev.keyfence.test.SigningKey;
import dev.keyfence.test.TestIdentityProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway as it runs: a real backend on 127.0.0.1, keys and tokens from an in-process identity
 * provider, the gateway on a random port, all over real HTTP. Only a token Keyfence accepts
 * reaches the backend.
 */
class KeyfenceGatewayTest {
    static final String AUDIENCE = "api://gateway";
    static TestIdentityProvider idp;
    static HttpServer backend;
    static final AtomicInteger BACKEND_HITS = new AtomicInteger();
    static ConfigurableApplicationContext gateway;
    static int port;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        idp = TestIdentityProvider.start();
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.createContext("/api/", exchange -> {
            BACKEND_HITS.incrementAndGet();
            byte[] body =
                    ("backend says hello at " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--server.address=127.0.0.1");
        args.add("--backend.uri=http://127.0.0.1:" + backend.getAddress().getPort());
        idp.properties(AUDIENCE).forEach((k, v) -> args.add("--" + k + "=" + v));
        gateway = SpringApplication.run(KeyfenceGateway.class, args.toArray(String[]::new));
        port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (backend != null) {
            backend.stop(0);
        }
        if (idp != null) {
            idp.close();
        }
    }

    @Test
    void aLegitimateEnterpriseTokenReachesTheBackend() throws Exception {
        HttpResponse<String> r =
                get("/api/hello", idp.token().audience(AUDIENCE).tenant("tid-a").mint());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("backend says hello at /api/hello");
    }

    @Test
    void aConsumerKeyForgingAnEnterpriseTokenIsRefusedAndNeverReachesTheBackend() throws Exception {
        int before = BACKEND_HITS.get();
        HttpResponse<String> r = get(
                "/api/hello",
                idp.token()
                        .audience(AUDIENCE)
                        .tenant("tid-a")
                        .signedWith(SigningKey.CONSUMER)
                        .mint());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer error=\"invalid_token\", error_description=\"KEY_SCOPE_NOT_ACCEPTED\"");
        assertThat(BACKEND_HITS.get()).isEqualTo(before);
    }

    @Test
    void anExpiredKeyIsRefusedWithItsReason() throws Exception {
        HttpResponse<String> r = get(
                "/api/hello",
                idp.token().audience(AUDIENCE).signedWith(SigningKey.EXPIRED).mint());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer error=\"invalid_token\", error_description=\"KEY_EXPIRED\"");
    }

    @Test
    void noTokenGetsABareBearerChallengeAndNeverReachesTheBackend() throws Exception {
        int before = BACKEND_HITS.get();
        HttpResponse<String> r = get("/api/hello", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
        assertThat(BACKEND_HITS.get()).isEqualTo(before);
    }

    @Test
    void webTestClientWithARealTokenFromKeyfenceTest() {
        WebTestClient client =
                WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        client.mutateWith(KeyfenceWebTestClient.bearer(idp.token().audience(AUDIENCE)))
                .get()
                .uri("/api/hello")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("backend says hello at /api/hello");
        client.mutateWith(KeyfenceWebTestClient.bearer(
                        idp.token().audience(AUDIENCE).consumer()))
                .get()
                .uri("/api/hello")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(
                        "WWW-Authenticate",
                        "Bearer error=\"invalid_token\", error_description=\"KEY_SCOPE_NOT_ACCEPTED\"");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
