package dev.keyfence.examples.replay;

import java.util.Objects;

/**
 * One column of the replay table: a resource server and how it is protected.
 *
 * @param name        short header, e.g. {@code Keyfence (Spring)}
 * @param description how the server checks tokens, one sentence
 * @param keyfence    true when the server is protected by Keyfence, so its answers are checked
 */
public record Column(String name, String description, boolean keyfence) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }
}
