package dev.keyfence.spring.internal;

import dev.keyfence.KeySourceListener;
import java.time.Duration;
import java.util.List;

/** Tells every key-source event to each of several listeners, in order. */
public final class CompositeKeySourceListener implements KeySourceListener {
    private final List<KeySourceListener> listeners;

    public CompositeKeySourceListener(List<KeySourceListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void fetched(String source, int keys) {
        listeners.forEach(l -> l.fetched(source, keys));
    }

    @Override
    public void fetchFailed(String source, String problem) {
        listeners.forEach(l -> l.fetchFailed(source, problem));
    }

    @Override
    public void staleServed(String source, Duration age) {
        listeners.forEach(l -> l.staleServed(source, age));
    }

    @Override
    public void kidMissRefetch(String source) {
        listeners.forEach(l -> l.kidMissRefetch(source));
    }

    @Override
    public void refetchRateLimited(String source) {
        listeners.forEach(l -> l.refetchRateLimited(source));
    }

    @Override
    public void keyAdded(String source, String kid) {
        listeners.forEach(l -> l.keyAdded(source, kid));
    }

    @Override
    public void keyRetired(String source, String kid) {
        listeners.forEach(l -> l.keyRetired(source, kid));
    }

    @Override
    public void keyRejected(String source, String kid, String problem) {
        listeners.forEach(l -> l.keyRejected(source, kid, problem));
    }
}
