package dev.keyfence.internal.drill;

import dev.keyfence.ConfigurationException;
import dev.keyfence.internal.json.Json;
import dev.keyfence.json.JsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;

/**
 * Where the shadow's keys come from: new ephemeral keys (every ordinary drill), or the keys an
 * earlier {@code drill --shadow-out} wrote, so that the tokens minted now are signed by the keys a
 * target started on that shadow trusts. Remembers every key it handed out, in order.
 */
public final class KeyBank {
    /** Name of the owner-only file holding the shadow's ephemeral private keys. */
    public static final String PRIVATE_KEYS = "shadow-private-keys.json";

    private final @Nullable Map<String, ShadowKey> stored;
    private final Map<String, ShadowKey> handedOut = new LinkedHashMap<>();

    private KeyBank(@Nullable Map<String, ShadowKey> stored) {
        this.stored = stored;
    }

    /** A bank that generates a new key for every request. */
    public static KeyBank fresh() {
        return new KeyBank(null);
    }

    /** The keys of a shadow written to {@code dir}; a configuration error naming {@code --shadow-in} when unusable. */
    public static KeyBank read(Path dir) {
        Path file = dir.resolve(PRIVATE_KEYS);
        Map<String, ShadowKey> keys = new LinkedHashMap<>();
        try {
            Object list = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8))
                    .get("keys");
            if (!(list instanceof List<?> members)) {
                throw new ConfigurationException("--shadow-in", PRIVATE_KEYS + " holds no \"keys\" list");
            }
            for (Object m : members) {
                if (!(m instanceof Map<?, ?> map)) {
                    throw new ConfigurationException("--shadow-in", PRIVATE_KEYS + ": a key is not a JSON object");
                }
                Map<String, Object> jwk = new LinkedHashMap<>();
                map.forEach((k, v) -> jwk.put(String.valueOf(k), v));
                ShadowKey k = ShadowKey.fromPrivateJwk(jwk);
                keys.put(k.kid(), k);
            }
        } catch (IOException e) {
            throw new ConfigurationException(
                    "--shadow-in",
                    "cannot read " + file + " (write it with drill --shadow-out): "
                            + e.getClass().getSimpleName());
        } catch (JsonException | JoseException e) {
            throw new ConfigurationException(
                    "--shadow-in", PRIVATE_KEYS + " is not a key set written by drill --shadow-out");
        }
        return new KeyBank(Collections.unmodifiableMap(keys));
    }

    /** A bank with the same stored keys (or the same fresh generation) that has handed out none yet. */
    public KeyBank copy() {
        return new KeyBank(stored);
    }

    /** The key {@code kid}: stored, or new with the given shape and members. */
    ShadowKey key(
            String kid,
            String alg,
            int rsaBits,
            @Nullable String issuerMember,
            @Nullable Instant notBefore,
            @Nullable Instant notAfter,
            @Nullable Instant issuedAt) {
        ShadowKey k;
        if (stored == null) {
            k = ShadowKey.create(kid, alg, rsaBits, issuerMember, notBefore, notAfter, issuedAt);
        } else {
            k = stored.get(kid);
            if (k == null || !k.alg().equals(alg)) {
                throw new ConfigurationException(
                        "--shadow-in",
                        "the shadow was written for another policy (no " + alg + " key " + kid
                                + "); write it again with drill --shadow-out");
            }
        }
        handedOut.put(kid, k);
        return k;
    }

    /** Every key handed out, in order. */
    List<ShadowKey> handedOut() {
        return new ArrayList<>(handedOut.values());
    }
}
