package dev.keyfence.internal.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A response body collected into memory up to a cap: one byte more cancels the download and
 * fails the body with {@link TooLarge}, so an oversized answer never fills the heap.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int maxBytes;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;

    CappedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A body that fails at once, for a response whose Content-Length already exceeds the cap. */
    static CappedBody refused(int maxBytes) {
        CappedBody b = new CappedBody(maxBytes);
        b.body.completeExceptionally(new TooLarge(maxBytes));
        return b;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (body.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            if (out.size() + (long) b.remaining() > maxBytes) {
                Flow.Subscription s = subscription; // set by onSubscribe, which comes first
                if (s != null) {
                    s.cancel();
                }
                body.completeExceptionally(new TooLarge(maxBytes));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            out.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable t) {
        body.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        body.complete(out.toByteArray());
    }

    /** The body went over the cap. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(int maxBytes) {
            super("answered more than " + maxBytes + " bytes (jwks.max-bytes)");
        }
    }
}
