package dev.keyfence.remote;

import dev.keyfence.KeySourceListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts every key-source event and keeps the details of the rarer ones. */
final class RecordingListener implements KeySourceListener {
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<String> details = new CopyOnWriteArrayList<>();

    private void record(String event, String detail) {
        counts.computeIfAbsent(event, e -> new AtomicInteger()).incrementAndGet();
        if (detail != null) {
            details.add(event + " " + detail);
        }
    }

    int count(String event) {
        AtomicInteger n = counts.get(event);
        return n == null ? 0 : n.get();
    }

    /** Details of fetchFailed, keyAdded, keyRetired, keyRejected events, as {@code "event detail"}. */
    List<String> details() {
        return List.copyOf(details);
    }

    @Override
    public void fetched(String source, int keys) {
        record("fetched", null);
    }

    @Override
    public void fetchFailed(String source, String problem) {
        record("fetchFailed", problem);
    }

    @Override
    public void staleServed(String source, Duration age) {
        record("staleServed", null);
    }

    @Override
    public void kidMissRefetch(String source) {
        record("kidMissRefetch", null);
    }

    @Override
    public void refetchRateLimited(String source) {
        record("refetchRateLimited", null);
    }

    @Override
    public void keyAdded(String source, String kid) {
        record("keyAdded", kid);
    }

    @Override
    public void keyRetired(String source, String kid) {
        record("keyRetired", kid);
    }

    @Override
    public void keyRejected(String source, String kid, String problem) {
        record("keyRejected", kid + ": " + problem);
    }
}
