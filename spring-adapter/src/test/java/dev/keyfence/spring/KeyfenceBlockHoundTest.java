package dev.keyfence.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.spring.reactive.ReactiveTestApp;
import dev.keyfence.testkit.TestKey;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.blockhound.BlockHound;

/**
 * Reactor's BlockHound watches every event-loop thread of a real WebFlux server while tokens are
 * validated, keys fetched for an unknown kid, and tokens refused: no blocking call happens on a
 * non-blocking thread. Blocking calls are recorded rather than thrown, so none can hide in an
 * error path.
 */
@SpringBootTest(
        classes = ReactiveTestApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=reactive")
class KeyfenceBlockHoundTest {
    static final Fixture WORLD = new Fixture();
    static final Queue<String> BLOCKING_CALLS = new ConcurrentLinkedQueue<>();

    static {
        ReactiveTestApp.CLOCK[0] = WORLD.clock;
        BlockHound.install(builder -> builder.blockingMethodCallback(method ->
                BLOCKING_CALLS.add(method + " on " + Thread.currentThread().getName())));
    }

    @DynamicPropertySource
    static void keyfence(DynamicPropertyRegistry registry) {
        WORLD.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterAll
    static void stop() {
        WORLD.server.close();
    }

    @LocalServerPort
    int port;

    @Test
    void noBlockingCallOnAnEventLoopThreadWhileValidatingAndFetchingKeys() throws Exception {
        BLOCKING_CALLS.clear();
        String token = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(Fixture.ENTERPRISE);
        assertThat(WORLD.get(port, "/api/me", token).statusCode()).isEqualTo(200);
        WORLD.clock.advance(Duration.ofMinutes(1));
        String unknownKid = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(TestKey.rsa("bh-unknown"));
        HttpResponse<String> miss = WORLD.get(port, "/api/me", unknownKid);
        assertThat(miss.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("KEY_NOT_FOUND");
        String forged = WORLD.enterpriseToken("tid-a", "api://mail").signedWith(Fixture.SHARED_CONSUMER);
        assertThat(WORLD.get(port, "/consumer/api/me", forged).statusCode()).isEqualTo(401);
        assertThat(WORLD.get(port, "/api/me", null).statusCode()).isEqualTo(401);
        assertThat(BLOCKING_CALLS).isEmpty();
    }

    @Test
    void blockHoundIsWatching() {
        BLOCKING_CALLS.clear();
        reactor.core.publisher.Mono.fromRunnable(Thread::yield)
                .subscribeOn(reactor.core.scheduler.Schedulers.parallel())
                .block();
        assertThat(BLOCKING_CALLS).anySatisfy(call -> assertThat(call).contains("yield"));
    }
}
