package dev.keyfence.internal.keys;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared executor for background key-set refreshes: a few daemon threads that end when idle,
 * and a bounded queue (each source has at most one refresh queued, so the queue stays short).
 * When it is full a refresh is skipped; the next request that finds the keys due asks again.
 */
public final class RefreshExecutor {
    /** Threads refreshing at once, across every validator of the JVM. */
    public static final int THREADS = 4;
    /** Refreshes waiting at most. */
    public static final int QUEUE = 20_000;

    private static final Executor SHARED = create();

    private RefreshExecutor() {}

    /** The JVM-wide refresh executor. */
    public static Executor shared() {
        return SHARED;
    }

    private static Executor create() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "keyfence-key-refresh-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
