package dev.keyfence.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Counts that a key refresh reports while the context is still starting never make the refresh
 * thread create beans: they wait, and are counted once the context's singletons exist.
 */
class StartedMeterRegistryTest {

    @Test
    void countsBeforeStartAreHeldWithoutLookingTheRegistryUpAndCountedAtStart() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AtomicInteger created = new AtomicInteger();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerBeanDefinition("meters", new RootBeanDefinition(MeterRegistry.class, () -> {
            created.incrementAndGet();
            return meters;
        }));
        StartedMeterRegistry registry = new StartedMeterRegistry(beans.getBeanProvider(MeterRegistry.class));

        registry.use(r -> r.counter("early").increment());
        registry.use(r -> r.counter("early").increment());
        assertThat(created)
                .as("no bean is created before the context has started")
                .hasValue(0);
        assertThat(meters.find("early").counter()).isNull();

        registry.afterSingletonsInstantiated();
        assertThat(created).hasValue(1);
        assertThat(meters.counter("early").count()).isEqualTo(2);

        registry.use(r -> r.counter("late").increment());
        assertThat(meters.counter("late").count()).isEqualTo(1);
        assertThat(created).as("looked up once").hasValue(1);
    }

    @Test
    void heldCountsAreBounded() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("meters", meters);
        StartedMeterRegistry registry = new StartedMeterRegistry(beans.getBeanProvider(MeterRegistry.class));
        for (int i = 0; i < StartedMeterRegistry.MAX_PENDING + 50; i++) {
            registry.use(r -> r.counter("early").increment());
        }
        registry.afterSingletonsInstantiated();
        assertThat(meters.counter("early").count()).isEqualTo(StartedMeterRegistry.MAX_PENDING);
    }

    @Test
    void withoutARegistryCountsAreDropped() {
        StartedMeterRegistry registry =
                new StartedMeterRegistry(new DefaultListableBeanFactory().getBeanProvider(MeterRegistry.class));
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < StartedMeterRegistry.MAX_PENDING + 50; i++) {
            registry.use(r -> ran.incrementAndGet());
        }
        registry.afterSingletonsInstantiated();
        registry.use(r -> ran.incrementAndGet());
        assertThat(ran).hasValue(0);
    }
}
