package dev.keyfence;

import java.util.Objects;
import java.util.Optional;

/**
 * Which validator a request path gets ({@link TokenValidator#forPath}): the first resource
 * profile whose {@code paths} match, else the default {@code resource:}; or a refusal when the
 * path could be routed in more than one way (the HTTP front doors answer 400).
 */
public sealed interface PathRoute {

    /**
     * The path routes to {@code validator}: the profile named {@code profile}, or the default
     * resource when {@code profile} is empty. {@code path} is the decoded path that was matched.
     */
    record Matched(String path, Optional<String> profile, TokenValidator validator) implements PathRoute {
        public Matched {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(validator, "validator");
        }
    }

    /** The path is refused: {@code problem} says why (never the path itself). */
    record Refused(String problem) implements PathRoute {
        public Refused {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
