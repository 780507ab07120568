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
        List<CompletableFuture<ProtectedServer>> futures = new ArrayList<>();
        boolean started = false;
        try {
            starters.forEach(s -> futures.add(CompletableFuture.supplyAsync(s, pool)));
            meanwhile.run();
            List<ProtectedServer> servers = new ArrayList<>();
            for (CompletableFuture<ProtectedServer> future : futures) {
                servers.add(join(future));
            }
            started = true;
            return new Servers(servers);
        } finally {
            if (!started) {
                stopThoseThatStarted(futures);
            }
            pool.shutdown();
        }
    }

    /** The started server, or the starter's own exception (not wrapped). */
    private static ProtectedServer join(CompletableFuture<ProtectedServer> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** After a failure: waits for every starter to finish and stops the servers that did start. */
    private static void stopThoseThatStarted(List<CompletableFuture<ProtectedServer>> futures) {
        for (CompletableFuture<ProtectedServer> future : futures) {
            ProtectedServer server = future.handle((s, failure) -> s).join();
            if (server != null) {
                server.close();
            }
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
