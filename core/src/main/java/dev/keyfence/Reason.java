package dev.keyfence;

/**
 * Why a token was rejected: exactly one code per rejection, spelled as in the contract.
 *
 * <p>The declaration order is the evaluation order: when several checks would fail, the
 * first in this order is the one reported.
 */
public enum Reason {
    /** Not a compact JWS of three strict base64url parts, not JSON objects, duplicate members, or oversize. */
    MALFORMED_TOKEN,
    /** {@code typ} not accepted by the resource, or a JWE or nested token. */
    TYPE_NOT_ALLOWED,
    /** {@code alg} missing, {@code none}, symmetric without explicit per-issuer opt-in, or outside the allowlist. */
    ALGORITHM_NOT_ALLOWED,
    /** {@code jku}, {@code x5u}, embedded {@code jwk} or {@code x5c}, unknown {@code crit}, or {@code b64}=false. */
    HEADER_NOT_ALLOWED,
    /** {@code iss} missing or matching no configured issuer. */
    ISSUER_NOT_TRUSTED,
    /** A {@code {tenantid}} issuer whose {@code tid} is missing, disagrees with {@code iss}, or is not allowed. */
    TENANT_NOT_ALLOWED,
    /** The issuer's key source cannot be read and no usable cached keys remain. */
    KEYS_UNAVAILABLE,
    /** No usable key with that {@code kid} (or no single candidate) in the issuer's own key source. */
    KEY_NOT_FOUND,
    /** The key's own {@code issuer} member differs from the token's {@code iss}, or is required and absent. */
    KEY_ISSUER_MISMATCH,
    /** The key belongs to a key scope the resource does not accept. */
    KEY_SCOPE_NOT_ACCEPTED,
    /** The key is revoked: by configuration, by its JWK {@code revoked} member, or at run time. */
    KEY_REVOKED,
    /** Now is before the key's validity window. */
    KEY_NOT_YET_VALID,
    /** Now is after the key's validity window. */
    KEY_EXPIRED,
    /** The key's age exceeds {@code keys.max-age}. */
    KEY_TOO_OLD,
    /** The key was removed from its source and the retired-key grace has passed. */
    KEY_RETIRED,
    /** RSA modulus under the minimum, a public exponent of 1, or a curve not allowed. */
    KEY_TOO_WEAK,
    /** The signature does not verify. */
    SIGNATURE_INVALID,
    /** {@code exp} missing or in the past beyond clock skew. */
    TOKEN_EXPIRED,
    /** {@code nbf} in the future beyond clock skew. */
    TOKEN_NOT_YET_VALID,
    /** {@code iat} in the future beyond clock skew. */
    TOKEN_ISSUED_IN_FUTURE,
    /** {@code exp - iat} exceeds the resource's maximum token lifetime. */
    TOKEN_LIFETIME_TOO_LONG,
    /** {@code iat} falls outside the signing key's validity window. */
    TOKEN_ISSUED_OUTSIDE_KEY_WINDOW,
    /** {@code aud} missing or naming none of the resource's audiences. */
    AUDIENCE_NOT_ACCEPTED,
    /** A claim that policy requires is absent. */
    CLAIM_MISSING,
    /** A registered claim has the wrong JSON type. */
    CLAIM_INVALID,
    /**
     * The token is sender-constrained ({@code cnf}: RFC 8705 {@code x5t#S256}, RFC 9449 {@code jkt}) and the
     * request does not present the bound client certificate or a valid DPoP proof.
     */
    TOKEN_BINDING_MISMATCH
}
