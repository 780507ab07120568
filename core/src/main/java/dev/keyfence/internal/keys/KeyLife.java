package dev.keyfence.internal.keys;

import dev.keyfence.DeclaredWindow;
import dev.keyfence.KeyReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A key's effective validity window and age start: the strictest of its certificate, JWK members
 * and declared windows (none widens another), and the earliest known start of its life.
 *
 * @param notBefore  start of the window, or null when nothing bounds it
 * @param notAfter   end of the window, or null when nothing bounds it
 * @param sources    where bounds came from: {@code x5c}, {@code jwk}, {@code declared}
 * @param ageStart   earliest of certificate notBefore, JWK iat, declared not-before, first sighting
 * @param ageSource  which of those {@code ageStart} is
 */
public record KeyLife(
        @Nullable Instant notBefore,
        @Nullable Instant notAfter,
        List<String> sources,
        Instant ageStart,
        String ageSource) {

    /**
     * The life of one key material: the intersection of the windows of every entry publishing it
     * (certificate, JWK {@code nbf}/{@code exp}) and of every declared window naming one of its kids
     * or its thumbprint; the age starts at the earliest known start of any entry.
     */
    public static KeyLife of(KeyKnowledge knowledge, List<DeclaredWindow> declared) {
        Bounds b = new Bounds();
        Instant start = knowledge.firstSeen();
        String startSource = "first sighting";
        for (TrackedKey key : knowledge.entries()) {
            b.narrow(key.certNotBefore(), key.certNotAfter(), "x5c");
            b.narrow(key.jwkNotBefore(), key.jwkExpires(), "jwk");
            Instant[] candidates = {key.certNotBefore(), key.jwkIssuedAt()};
            String[] names = {"x5c notBefore", "jwk iat"};
            for (int i = 0; i < candidates.length; i++) {
                if (candidates[i] != null && candidates[i].isBefore(start)) {
                    start = candidates[i];
                    startSource = names[i];
                }
            }
        }
        for (DeclaredWindow w : declared) {
            if (matches(w.key(), knowledge)) {
                b.narrow(w.notBefore().orElse(null), w.notAfter().orElse(null), "declared");
                if (w.notBefore().isPresent() && w.notBefore().get().isBefore(start)) {
                    start = w.notBefore().get();
                    startSource = "declared not-before";
                }
            }
        }
        return new KeyLife(b.notBefore, b.notAfter, List.copyOf(b.sources), start, startSource);
    }

    /** True when the reference names this key material: its thumbprint, or any kid it is published under. */
    public static boolean matches(KeyReference ref, KeyKnowledge knowledge) {
        return ref.kind() == KeyReference.Kind.KID
                ? knowledge.kids().contains(ref.value())
                : ref.value().equals(knowledge.thumbprint());
    }

    /** True when the reference names this key, by kid or by thumbprint. */
    public static boolean matches(KeyReference ref, TrackedKey key) {
        return ref.kind() == KeyReference.Kind.KID
                ? ref.value().equals(key.kid())
                : ref.value().equals(key.thumbprint());
    }

    private static final class Bounds {
        @Nullable
        Instant notBefore;

        @Nullable
        Instant notAfter;

        final List<String> sources = new ArrayList<>();

        void narrow(@Nullable Instant nb, @Nullable Instant na, String source) {
            if (nb == null && na == null) {
                return;
            }
            if (!sources.contains(source)) {
                sources.add(source);
            }
            if (nb != null && (notBefore == null || nb.isAfter(notBefore))) {
                notBefore = nb;
            }
            if (na != null && (notAfter == null || na.isBefore(notAfter))) {
                notAfter = na;
            }
        }
    }
}
