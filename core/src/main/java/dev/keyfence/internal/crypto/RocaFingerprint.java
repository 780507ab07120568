package dev.keyfence.internal.crypto;

import java.math.BigInteger;
import java.security.Key;
import java.security.interfaces.RSAPublicKey;

/**
 * Detects RSA moduli made by the Infineon RSALib flaw (ROCA, CVE-2017-15361): such a modulus lies,
 * modulo each small prime p below, in the subgroup that 65537 generates. A random modulus does so
 * with negligible probability (Nemec et al., CCS 2017, the published detector's test).
 */
public final class RocaFingerprint {
    private static final int[] PRIMES = {
        3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109,
        113, 127, 131, 137, 139, 149, 151, 157, 163, 167
    };
    /** For each prime, bit r set when r is a power of 65537 modulo that prime. */
    private static final BigInteger[] SUBGROUPS = new BigInteger[PRIMES.length];

    private static final BigInteger PRODUCT;

    static {
        BigInteger product = BigInteger.ONE;
        for (int i = 0; i < PRIMES.length; i++) {
            int p = PRIMES[i];
            BigInteger mask = BigInteger.ZERO;
            int g = 65537 % p;
            int x = 1;
            do {
                mask = mask.setBit(x);
                x = x * g % p;
            } while (x != 1);
            SUBGROUPS[i] = mask;
            product = product.multiply(BigInteger.valueOf(p));
        }
        PRODUCT = product;
    }

    private RocaFingerprint() {}

    /** True when the key is an RSA public key whose modulus carries the ROCA fingerprint. */
    public static boolean vulnerable(Key key) {
        return key instanceof RSAPublicKey rsa && vulnerable(rsa.getModulus());
    }

    /** True when the modulus carries the ROCA fingerprint. */
    public static boolean vulnerable(BigInteger modulus) {
        if (modulus.signum() <= 0) {
            return false;
        }
        BigInteger reduced = modulus.mod(PRODUCT);
        for (int i = 0; i < PRIMES.length; i++) {
            int r = reduced.mod(BigInteger.valueOf(PRIMES[i])).intValue();
            if (!SUBGROUPS[i].testBit(r)) {
                return false;
            }
        }
        return true;
    }
}
