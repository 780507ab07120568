package dev.keyfence.internal.keys;

import dev.keyfence.KeySourceListener;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's {@link KeySourceListener}, called so that a listener that throws never ends
 * a key refresh or a request: the failure is logged as one line (listener class, exception
 * class and message, no stack trace) and the key source goes on.
 */
public final class GuardedKeySourceListener implements KeySourceListener {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedKeySourceListener.class);
    private final KeySourceListener listener;

    private GuardedKeySourceListener(KeySourceListener listener) {
        this.listener = listener;
    }

    /** {@code listener}, guarded (the no-op listener and guarded listeners are returned as they are). */
    public static KeySourceListener of(KeySourceListener listener) {
        return listener == KeySourceListener.NONE || listener instanceof GuardedKeySourceListener
                ? listener
                : new GuardedKeySourceListener(listener);
    }

    private void call(String event, Consumer<KeySourceListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn(
                    "key source listener {} failed on {}: {}: {}",
                    listener.getClass().getName(),
                    event,
                    e.getClass().getName(),
                    e.getMessage());
        }
    }

    @Override
    public void fetched(String source, int keys) {
        call("fetched", l -> l.fetched(source, keys));
    }

    @Override
    public void fetchFailed(String source, String problem) {
        call("fetchFailed", l -> l.fetchFailed(source, problem));
    }

    @Override
    public void staleServed(String source, Duration age) {
        call("staleServed", l -> l.staleServed(source, age));
    }

    @Override
    public void kidMissRefetch(String source) {
        call("kidMissRefetch", l -> l.kidMissRefetch(source));
    }

    @Override
    public void refetchRateLimited(String source) {
        call("refetchRateLimited", l -> l.refetchRateLimited(source));
    }

    @Override
    public void keyAdded(String source, String kid) {
        call("keyAdded", l -> l.keyAdded(source, kid));
    }

    @Override
    public void keyRetired(String source, String kid) {
        call("keyRetired", l -> l.keyRetired(source, kid));
    }

    @Override
    public void keyRepublished(String source, String kid) {
        call("keyRepublished", l -> l.keyRepublished(source, kid));
    }

    @Override
    public void keyRejected(String source, String kid, String problem) {
        call("keyRejected", l -> l.keyRejected(source, kid, problem));
    }
}
