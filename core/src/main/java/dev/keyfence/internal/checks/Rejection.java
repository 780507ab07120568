package dev.keyfence.internal.checks;

import dev.keyfence.Reason;

/** A check's refusal: the reason code and a safe detail. */
public record Rejection(Reason reason, String detail) {}
