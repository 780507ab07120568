package dev.keyfence.spring.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The application's {@link MeterRegistry}, looked up once on the thread that starts the context,
 * after every singleton exists. Key refreshes run on background threads from the moment the
 * validator is built; had they looked the registry up themselves, they would create beans
 * concurrently with (or after the failure of) the context's startup. Counts that arrive before
 * are held (at most {@value #MAX_PENDING}) and counted once the registry is known.
 */
public final class StartedMeterRegistry implements SmartInitializingSingleton {
    static final int MAX_PENDING = 10_000;
    private final ObjectProvider<MeterRegistry> provider;
    private final List<Consumer<MeterRegistry>> pending = new ArrayList<>();
    /** Null until the context has started: then the registry, or empty when there is none. */
    private volatile @Nullable Optional<MeterRegistry> registry;

    public StartedMeterRegistry(ObjectProvider<MeterRegistry> provider) {
        this.provider = provider;
    }

    /** Runs {@code count} on the registry: now when it is known, at context start otherwise; never without one. */
    public void use(Consumer<MeterRegistry> count) {
        Optional<MeterRegistry> known = registry;
        if (known == null) {
            synchronized (pending) {
                known = registry;
                if (known == null) {
                    if (pending.size() < MAX_PENDING) {
                        pending.add(count);
                    }
                    return;
                }
            }
        }
        known.ifPresent(count);
    }

    @Override
    public void afterSingletonsInstantiated() {
        Optional<MeterRegistry> found = Optional.ofNullable(provider.getIfUnique());
        List<Consumer<MeterRegistry>> held;
        synchronized (pending) {
            registry = found;
            held = List.copyOf(pending);
            pending.clear();
        }
        found.ifPresent(r -> held.forEach(count -> count.accept(r)));
    }
}
