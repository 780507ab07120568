package dev.keyfence.config;

/** Where a setting can be given. */
public enum FrontDoor {
    /** The YAML file of the contract (read by the CLI and the servlet filter; bound by Spring under {@code keyfence.}). */
    FILE,
    /** A Spring property under {@code keyfence.} that is not part of the file. */
    SPRING,
    /** A servlet filter init parameter {@code keyfence.<path>}. */
    SERVLET
}
