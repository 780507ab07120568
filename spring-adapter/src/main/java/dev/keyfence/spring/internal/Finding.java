package dev.keyfence.spring.internal;

import java.util.Optional;

/** One posture finding, with the codes and severities of the CLI's {@code audit}. */
public record Finding(String severity, String code, Optional<String> issuer, Optional<String> kid, String message) {
}
