package dev.keyfence.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void setAndAdvance() {
        MutableClock clock = MutableClock.at("2024-01-01T00:00:00Z");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.advance(Duration.ofHours(25))).isEqualTo(Instant.parse("2024-01-02T01:00:00Z"));
        assertThat(clock.millis())
                .isEqualTo(Instant.parse("2024-01-02T01:00:00Z").toEpochMilli());
        clock.set(Instant.parse("2021-04-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2021-04-01T00:00:00Z"));
    }

    @Test
    void concurrentAdvancesAreNotLost() throws InterruptedException {
        MutableClock clock = MutableClock.at(Instant.EPOCH);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    clock.advance(Duration.ofSeconds(1));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(clock.instant()).isEqualTo(Instant.ofEpochSecond(4000));
    }
}
