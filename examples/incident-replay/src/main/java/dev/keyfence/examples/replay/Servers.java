package dev.keyfence.examples.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The replay's servers, started side by side (each Spring Boot start is mostly waiting on class
 * loading and one core; two cores do two at once) and stopped together.
 */
final class Servers implements AutoCloseable {

    private final List<ProtectedServer> all;

    private Servers(List<ProtectedServer> all) {
        this.all = List.copyOf(all);
    }

    /**
     * Starts every server on its own thread while {@code meanwhile} runs on this one, and waits
     * for all of them. If anything fails, the servers that did start are stopped again.
     *
     * @param starters  one per server, in column order
     * @param meanwhile work for the calling thread (e.g. generating the identity provider's keys)
     * @return the running servers, in column order
     */
    static Servers start(List<Supplier<ProtectedServer>> starters, Runnable meanwhile) {
        ExecutorService pool = Executors.newFixedThreadPool(starters.size(), runnable -> {
            Thread thread = new Thread(runnable, "replay-server-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<ProtectedServer>> futures = new ArrayList<>();
            starters.forEach(s -> futures.add(CompletableFuture.supplyAsync(s, pool)));
            RuntimeException failure = null;
            try {
                meanwhile.run();
            } catch (RuntimeException e) {
                failure = e;
            }
            List<ProtectedServer> started = new ArrayList<>();
            for (CompletableFuture<ProtectedServer> future : futures) {
                try {
                    started.add(future.join());
                } catch (CompletionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                started.forEach(ProtectedServer::close);
                throw failure;
            }
            return new Servers(started);
        } finally {
            pool.shutdown();
        }
    }

    /** @return the servers, in column order */
    List<ProtectedServer> all() {
        return all;
    }

    /** Stops every server, the last one first. */
    @Override
    public void close() {
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).close();
        }
    }
}
