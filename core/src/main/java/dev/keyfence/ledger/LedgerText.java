package dev.keyfence.ledger;

import java.util.Objects;

/** Argument checks of the ledger's records. */
final class LedgerText {
    /** Longest name, actor or reason kept in the ledger. */
    static final int MAX_LENGTH = 1024;

    private LedgerText() {}

    static String require(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(name + " is longer than " + MAX_LENGTH + " characters");
        }
        return value;
    }
}
