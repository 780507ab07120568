package dev.keyfence.spring.internal;

import dev.keyfence.ConfigurationException;
import dev.keyfence.Drill;
import dev.keyfence.DrillReport;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.TokenValidator;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the drill of the application's policy (the validator's policy and the configuration's
 * resource profiles) and keeps the latest report. A drill costs key generation, so a request
 * within {@code min-interval} of the last run gets the last report; an optional schedule runs it
 * on one daemon thread.
 */
public final class DrillService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DrillService.class);

    private final TokenValidator validator;
    private final KeyfenceConfig config;
    private final int minControls;
    private final Duration minInterval;
    private final Object lock = new Object();
    private volatile @Nullable DrillReport latest;
    private volatile @Nullable Instant lastRun;
    private volatile @Nullable String lastProblem;
    private @Nullable ScheduledExecutorService scheduler;

    public DrillService(TokenValidator validator, KeyfenceConfig config, int minControls, Duration minInterval) {
        this.validator = validator;
        this.config = config;
        this.minControls = minControls;
        this.minInterval = minInterval;
    }

    /** The latest report, if a drill ran. */
    public Optional<DrillReport> latest() {
        return Optional.ofNullable(latest);
    }

    /** Why the last scheduled drill could not run, if it could not. */
    public Optional<String> lastProblem() {
        return Optional.ofNullable(lastProblem);
    }

    /** The latest report when younger than {@code min-interval}, else a new drill's. */
    public DrillReport current() {
        synchronized (lock) {
            Instant now = validator.policy().clock().instant();
            DrillReport last = latest;
            if (last != null && lastRun != null && now.isBefore(lastRun.plus(minInterval))) {
                return last;
            }
            DrillReport report = Drill.builder()
                    .policy(validator.policy())
                    .resources(config.resources())
                    .minControls(minControls)
                    .build()
                    .run();
            latest = report;
            lastRun = now;
            lastProblem = null;
            if (!report.passed()) {
                report.findings().forEach(f -> LOG.warn("keyfence drill: {}", f));
            }
            return report;
        }
    }

    /** Runs a drill now and then every {@code period}, on a daemon thread, until {@link #close()}. */
    public synchronized void schedule(Duration period) {
        if (scheduler != null) {
            throw new IllegalStateException("already scheduled");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keyfence-drill");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::runScheduled, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runScheduled() {
        try {
            current();
        } catch (ConfigurationException | UncheckedIOException | IllegalStateException e) {
            // the schedule must survive one failed run; the health contributor shows it
            lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warn("keyfence drill could not run: {}", lastProblem);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
