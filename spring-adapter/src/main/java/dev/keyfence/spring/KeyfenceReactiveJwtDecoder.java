package dev.keyfence.spring;

import dev.keyfence.RequestContext;
import dev.keyfence.TokenValidator;
import dev.keyfence.spring.internal.ReactiveExchange;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The reactive form of {@link KeyfenceJwtDecoder}: every Keyfence control, with the same
 * {@link KeyfenceJwt} for an accepted token and the same reason-coded error for a rejected one.
 * Validation (and any key fetch it waits for) runs on a worker scheduler
 * ({@code Schedulers.boundedElastic()} by default), never on the event loop.
 *
 * <p>A sender-constrained token ({@code cnf}) is checked against the exchange being served (its
 * TLS client certificate, RFC 8705, or its DPoP proof, RFC 9449), which Spring Security's reactive
 * chain puts in the Reactor context; outside such a chain it is refused with
 * {@code TOKEN_BINDING_MISMATCH}.
 */
public final class KeyfenceReactiveJwtDecoder implements ReactiveJwtDecoder {
    private final KeyfenceJwtDecoder decoder;
    private final Scheduler scheduler;

    /** A decoder for the validator's resource, telling each verdict to the listeners. */
    public KeyfenceReactiveJwtDecoder(TokenValidator validator, List<KeyfenceVerdictListener> listeners) {
        this(new KeyfenceJwtDecoder(validator, listeners), Schedulers.boundedElastic());
    }

    /** A decoder running {@code decoder} on {@code scheduler}, which must allow blocking. */
    public KeyfenceReactiveJwtDecoder(KeyfenceJwtDecoder decoder, Scheduler scheduler) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** The validator this decoder applies. */
    public TokenValidator validator() {
        return decoder.validator();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return Mono.deferContextual(view -> {
            // Spring Security's reactive chain puts the exchange in the Reactor context
            RequestContext context = view.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
                    .map(ReactiveExchange::context)
                    .orElse(RequestContext.none());
            return Mono.fromCallable(() -> decoder.decode(token, context)).subscribeOn(scheduler);
        });
    }

    @Override
    public String toString() {
        return "KeyfenceReactiveJwtDecoder[" + decoder.validator().resource().name() + "]";
    }
}
