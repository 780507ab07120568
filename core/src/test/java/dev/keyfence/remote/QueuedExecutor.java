package dev.keyfence.remote;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/** Holds background refreshes until the test runs them, so tests decide when a refresh happens. */
final class QueuedExecutor implements Executor {
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();

    @Override
    public void execute(Runnable task) {
        queue.add(task);
    }

    /** Refreshes waiting to run. */
    int pending() {
        return queue.size();
    }

    /** Runs every waiting refresh on the calling thread; returns how many ran. */
    int runAll() {
        int n = 0;
        for (Runnable r = queue.poll(); r != null; r = queue.poll()) {
            r.run();
            n++;
        }
        return n;
    }
}
