package dev.keyfence.internal.drill;

import dev.keyfence.Algorithms;
import dev.keyfence.KeySource;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.internal.json.Json;
import dev.keyfence.json.JsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Learns the shape of an issuer's real keys without contacting any source. From the configuration:
 * the algorithm (the issuer's {@code algorithms}, else the resource's), and {@code require-key-issuer}.
 * From a {@code jwks-file} (a local file, read once): whether its keys carry {@code issuer} members
 * and validity windows, and their algorithm. A {@code jwks-uri} or {@code discovery-uri} source is
 * never read: its keys are taken to carry {@code issuer} members and certificate windows, as
 * Microsoft Entra ID's do; the drill reports that assumption, and {@code audit} checks it.
 */
final class ShapeReader {
    private ShapeReader() {}

    /** The shape, or empty when the issuer allows no asymmetric algorithm the resource accepts. */
    static Optional<KeyShape> shapeOf(TrustedIssuer issuer, ResourcePolicy resource, int maxBytes) {
        List<String> allowed = issuer.algorithms()
                .map(list ->
                        list.stream().filter(Algorithms.ASYMMETRIC::contains).toList())
                .orElse(resource.algorithms());
        List<String> usable =
                allowed.stream().filter(resource.algorithms()::contains).toList();
        if (usable.isEmpty()) {
            return Optional.empty();
        }
        String local = localSet(issuer.keySource(), maxBytes);
        if (local != null) {
            List<Map<String, Object>> keys = keysOf(local);
            if (!keys.isEmpty()) {
                boolean members = keys.stream().allMatch(k -> k.get("issuer") instanceof String);
                boolean windowed = keys.stream().allMatch(k -> k.containsKey("x5c") || k.containsKey("exp"));
                String alg = keys.stream()
                        .map(ShapeReader::algOf)
                        .filter(usable::contains)
                        .findFirst()
                        .orElse(usable.get(0));
                String from = issuer.keySource() instanceof KeySource.JwksFile ? "jwks-file" : "static keys";
                return Optional.of(new KeyShape(alg, members || issuer.requireKeyIssuer(), windowed, from));
            }
        }
        return Optional.of(new KeyShape(usable.get(0), true, true, "assumed"));
    }

    /** The signing algorithm a JWK implies (its {@code alg}, else from kty and curve). */
    private static String algOf(Map<String, Object> k) {
        if (k.get("alg") instanceof String a) {
            return a;
        }
        Object kty = k.get("kty");
        if ("EC".equals(kty)) {
            return switch (String.valueOf(k.get("crv"))) {
                case "P-384" -> "ES384";
                case "P-521" -> "ES512";
                default -> "ES256";
            };
        }
        return "OKP".equals(kty) ? "EdDSA" : "RS256";
    }

    /** The text of a local key set (a file, or keys given in code), or null for a remote source. */
    private static @Nullable String localSet(KeySource source, int maxBytes) {
        if (source instanceof KeySource.Static s) {
            return s.jwksJson();
        }
        if (source instanceof KeySource.JwksFile file) {
            try {
                return Files.size(file.path()) > maxBytes
                        ? null
                        : Files.readString(file.path(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null; // unreadable: the shape falls back to the assumption, and the notes say so
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> keysOf(String text) {
        try {
            Map<String, Object> set = Json.parseObject(text);
            if (set.get("keys") instanceof List<?> list) {
                return list.stream()
                        .filter(Map.class::isInstance)
                        .map(m -> (Map<String, Object>) m)
                        .filter(m -> !"enc".equals(m.get("use")))
                        .toList();
            }
            return List.of();
        } catch (JsonException e) {
            return List.of();
        }
    }
}
