package dev.keyfence.internal.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a JWS signature with the JDK's providers. ECDSA signatures must be the fixed-length
 * JOSE encoding with r and s in [1, n-1]; anything else is invalid before the JDK sees it.
 * JCA objects are reused per thread and algorithm.
 */
public final class SignatureVerifier {
    private static final ThreadLocal<Slot[]> SIGNATURES =
            ThreadLocal.withInitial(() -> new Slot[JwsAlgorithm.values().length * 2]);
    private static final ThreadLocal<MacSlot[]> MACS =
            ThreadLocal.withInitial(() -> new MacSlot[JwsAlgorithm.values().length]);

    /**
     * One thread's JCA object for one algorithm and provider, with the key it was last initialized
     * with: a verify resets the object to that state, so the next verify with the same key object
     * needs no new initVerify. The key is forgotten whenever a call ends in an exception.
     */
    private static final class Slot {
        final Signature signature;

        @Nullable
        Key initializedWith;

        Slot(Signature signature) {
            this.signature = signature;
        }
    }

    /** As {@link Slot}, for an HMAC: a {@code doFinal} resets the object to the key it was initialized with. */
    private static final class MacSlot {
        final Mac mac;

        @Nullable
        Key initializedWith;

        MacSlot(Mac mac) {
            this.mac = mac;
        }
    }

    private SignatureVerifier() {}

    /**
     * True only when {@code signature} is a valid signature of {@code input} under {@code key} for
     * {@code alg}. ECDSA and EdDSA use Bouncy Castle when it is on the class path.
     */
    public static boolean verify(JwsAlgorithm alg, Key key, byte[] input, byte[] signature) {
        return verify(alg, key, input, signature, preferredProvider(alg));
    }

    /** The provider {@link #verify(JwsAlgorithm, Key, byte[], byte[])} uses for {@code alg}; null means the JDK's. */
    public static java.security.@Nullable Provider preferredProvider(JwsAlgorithm alg) {
        boolean curve = alg.ecFieldBytes() > 0 || alg == JwsAlgorithm.EdDSA;
        return curve ? FastProvider.EC_AND_EDDSA : null;
    }

    /** As {@link #verify(JwsAlgorithm, Key, byte[], byte[])} with a chosen provider (null: the JDK's). */
    public static boolean verify(
            JwsAlgorithm alg, Key key, byte[] input, byte[] signature, java.security.@Nullable Provider provider) {
        return verify(alg, key, input, input.length, signature, provider);
    }

    /**
     * As {@link #verify(JwsAlgorithm, Key, byte[], byte[])} over the first {@code inputLength}
     * bytes of {@code input} only (a reused buffer).
     */
    public static boolean verify(JwsAlgorithm alg, Key key, byte[] input, int inputLength, byte[] signature) {
        return verify(alg, key, input, inputLength, signature, preferredProvider(alg));
    }

    private static boolean verify(
            JwsAlgorithm alg,
            Key key,
            byte[] input,
            int inputLength,
            byte[] signature,
            java.security.@Nullable Provider provider) {
        try {
            if (alg.symmetric()) {
                return key instanceof SecretKey secret && verifyMac(alg, secret, input, inputLength, signature);
            }
            if (!(key instanceof PublicKey publicKey)) {
                return false;
            }
            byte[] sig = signature;
            if (alg.ecFieldBytes() > 0) {
                if (!(key instanceof ECPublicKey ec)) {
                    return false;
                }
                sig = joseToDer(signature, alg.ecFieldBytes(), ec.getParams().getOrder());
                if (sig == null) {
                    return false;
                }
            } else if (alg == JwsAlgorithm.EdDSA && signature.length != 64) {
                return false;
            }
            return verifyWithSlot(slot(alg, provider), publicKey, provider, input, inputLength, sig);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A key of the wrong type or a signature the provider cannot parse: not a valid signature.
            return false;
        }
    }

    /** Initializes the slot's object for {@code publicKey} unless it already is, then verifies. */
    private static boolean verifyWithSlot(
            Slot slot,
            PublicKey publicKey,
            java.security.@Nullable Provider provider,
            byte[] input,
            int inputLength,
            byte[] sig)
            throws GeneralSecurityException {
        @Nullable Key initialized = slot.initializedWith;
        slot.initializedWith = null; // set again only when this call ends normally
        if (initialized != publicKey) {
            slot.signature.initVerify((PublicKey) FastProvider.own(publicKey, provider));
        }
        slot.signature.update(input, 0, inputLength);
        boolean valid = slot.signature.verify(sig);
        slot.initializedWith = publicKey;
        return valid;
    }

    private static Slot slot(JwsAlgorithm alg, java.security.@Nullable Provider provider)
            throws GeneralSecurityException {
        Slot[] cache = SIGNATURES.get();
        int index = alg.ordinal() * 2 + (provider == null ? 0 : 1);
        Slot slot = cache[index];
        if (slot == null || provider != null && slot.signature.getProvider() != provider) {
            Signature s = provider == null
                    ? Signature.getInstance(alg.jcaName())
                    : Signature.getInstance(alg.jcaName(), provider);
            if (alg.pssParameters() != null) {
                s.setParameter(alg.pssParameters());
            }
            slot = new Slot(s);
            cache[index] = slot;
        }
        return slot;
    }

    private static boolean verifyMac(JwsAlgorithm alg, SecretKey key, byte[] input, int inputLength, byte[] signature)
            throws GeneralSecurityException {
        MacSlot[] cache = MACS.get();
        MacSlot slot = cache[alg.ordinal()];
        if (slot == null) {
            slot = new MacSlot(Mac.getInstance(alg.jcaName()));
            cache[alg.ordinal()] = slot;
        }
        @Nullable Key initialized = slot.initializedWith;
        slot.initializedWith = null; // set again only when this call ends normally
        if (initialized != key) {
            slot.mac.init(key);
        }
        slot.mac.update(input, 0, inputLength);
        boolean valid = MessageDigest.isEqual(slot.mac.doFinal(), signature);
        slot.initializedWith = key;
        return valid;
    }

    /**
     * Converts a JOSE {@code r||s} signature to DER, or returns null when its length is wrong or
     * r or s is outside [1, n-1].
     */
    static byte @Nullable [] joseToDer(byte[] jose, int fieldBytes, BigInteger order) {
        if (jose.length != 2 * fieldBytes) {
            return null;
        }
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(jose, 0, fieldBytes));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(jose, fieldBytes, jose.length));
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(order) >= 0 || s.compareTo(order) >= 0) {
            return null;
        }
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        int seqLen = 2 + rb.length + 2 + sb.length;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(seqLen + 3);
        out.write(0x30);
        writeLength(out, seqLen);
        out.write(0x02);
        writeLength(out, rb.length);
        out.write(rb, 0, rb.length);
        out.write(0x02);
        writeLength(out, sb.length);
        out.write(sb, 0, sb.length);
        return out.toByteArray();
    }

    private static void writeLength(java.io.ByteArrayOutputStream out, int len) {
        if (len < 128) {
            out.write(len);
        } else {
            out.write(0x81);
            out.write(len);
        }
    }
}
