package dev.keyfence.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JwksServerTest {

    private JwksServer server;
    private HttpClient client;

    @BeforeEach
    void start() {
        server = JwksServer.start();
        client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesBodiesAndCountsHits() throws Exception {
        JwkSet set = JwkSet.of(TestKey.rsa("k1"));
        server.serveKeys("/keys", set).serve("plain", "{\"a\":1}");

        HttpResponse<String> r = get(server.uri("/keys"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(set.toJson());
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        get(server.uri("/keys?x=1"));
        assertThat(get(server.uri("/plain")).body()).isEqualTo("{\"a\":1}");

        assertThat(server.uri("/keys").toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/keys");
        assertThat(server.hits("/keys")).isEqualTo(2);
        assertThat(server.hits("plain")).isEqualTo(1);
        assertThat(server.totalHits()).isEqualTo(3);
        server.resetHits();
        assertThat(server.hits("/keys")).isZero();
    }

    @Test
    void unknownPathIs404AndBehaviourChangesAtRunTime() throws Exception {
        assertThat(get(server.uri("/nothing")).statusCode()).isEqualTo(404);
        server.respond("/keys", 503, "{\"error\":\"down\"}");
        HttpResponse<String> down = get(server.uri("/keys"));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"error\":\"down\"}");
        server.serve("/keys", "{\"keys\":[]}");
        assertThat(get(server.uri("/keys")).statusCode()).isEqualTo(200);
        server.remove("/keys");
        assertThat(get(server.uri("/keys")).statusCode()).isEqualTo(404);
        assertThat(server.hits("/keys")).isEqualTo(3);
    }

    @Test
    void customContentTypeAndHeaders() throws Exception {
        server.respond("/html", 200, "text/html", "<html/>", Map.of("Cache-Control", "max-age=60"));
        HttpResponse<String> r = get(server.uri("/html"));
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("max-age=60");
        assertThat(r.body()).isEqualTo("<html/>");
    }

    @Test
    void redirects() throws Exception {
        server.redirect("/old", server.uri("/new").toString(), 302).serve("/new", "{\"moved\":true}");
        HttpResponse<String> r = get(server.uri("/old"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location"))
                .hasValue(server.uri("/new").toString());

        HttpClient following = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpResponse<String> followed = following.send(
                HttpRequest.newBuilder(server.uri("/old")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(followed.body()).isEqualTo("{\"moved\":true}");
        assertThat(server.hits("/new")).isEqualTo(1);
    }

    @Test
    void resetConnectionGivesIoException() {
        server.resetConnection("/keys");
        assertThatThrownBy(() -> get(server.uri("/keys"))).isInstanceOf(IOException.class);
        assertThat(server.hits("/keys")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void delaySlowsTheAnswerAndCanTimeOutAClient() throws Exception {
        server.serve("/slow", "{}").delay("/slow", Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(get(server.uri("/slow")).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        server.delay("/slow", Duration.ofSeconds(5));
        HttpRequest impatient = HttpRequest.newBuilder(server.uri("/slow"))
                .timeout(Duration.ofMillis(200))
                .build();
        assertThatThrownBy(() -> client.send(impatient, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);

        assertThatThrownBy(() -> server.delay("/slow", Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void discoveryDocument() throws Exception {
        server.discovery(
                "/iss/.well-known/openid-configuration",
                "https://iss.example.test",
                server.uri("/keys").toString());
        assertThat(get(server.uri("/iss/.well-known/openid-configuration")).body())
                .startsWith("{\"issuer\":\"https://iss.example.test\",\"jwks_uri\":\"" + server.uri("/keys") + "\"");
    }

    @Test
    void closeStopsServing() {
        URI uri = server.uri("/x");
        server.close();
        assertThatThrownBy(() -> get(uri)).isInstanceOf(IOException.class);
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
