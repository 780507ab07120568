package dev.keyfence;

/** Where a key stands now, by the strictest rule that applies to it. */
public enum KeyState {
    ACTIVE,
    NOT_YET_VALID,
    EXPIRED,
    TOO_OLD,
    RETIRED,
    REVOKED,
    TOO_WEAK
}
