package dev.keyfence.spring.reactive;

import dev.keyfence.KeySourceListener;
import dev.keyfence.spring.KeyfenceJwt;
import dev.keyfence.spring.KeyfencePolicyCustomizer;
import dev.keyfence.spring.KeyfenceVerdictListener;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A WebFlux resource server using Keyfence through auto-configuration only, on a test clock,
 * recording the threads that validate tokens and fetch keys.
 */
@SpringBootApplication
public class ReactiveTestApp {
    /** The clock the validator reads. */
    public static final Clock[] CLOCK = new Clock[1];
    /** Threads on which verdicts were reached. */
    public static final Queue<String> VERDICT_THREADS = new ConcurrentLinkedQueue<>();
    /** Threads on which key sets were fetched. */
    public static final Queue<String> FETCH_THREADS = new ConcurrentLinkedQueue<>();

    /** The current thread's name, marked {@code (non-blocking)} when Reactor counts it as an event-loop thread. */
    static String thread() {
        return Thread.currentThread().getName()
                + (reactor.core.scheduler.Schedulers.isInNonBlockingThread() ? " (non-blocking)" : "");
    }

    @Bean
    KeyfencePolicyCustomizer testClock() {
        return policy -> policy.clock(CLOCK[0]);
    }

    @Bean
    KeyfenceVerdictListener verdictThreads() {
        return (resource, verdict) -> VERDICT_THREADS.add(thread());
    }

    @Bean
    KeySourceListener fetchThreads() {
        return new KeySourceListener() {
            @Override
            public void fetched(String source, int keys) {
                FETCH_THREADS.add(thread());
            }

            @Override
            public void fetchFailed(String source, String problem) {
                FETCH_THREADS.add(thread());
            }
        };
    }

    @RestController
    static class Me {
        @GetMapping({"/api/me", "/consumer/api/me", "/calendar/api/me"})
        Mono<Map<String, Object>> me(@AuthenticationPrincipal KeyfenceJwt jwt) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sub", jwt.getSubject());
            body.put("tenant", jwt.tenant().orElse(null));
            body.put("keyScope", jwt.keyScope());
            return Mono.just(body);
        }
    }
}
