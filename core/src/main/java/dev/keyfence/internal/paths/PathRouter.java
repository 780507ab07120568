package dev.keyfence.internal.paths;

import dev.keyfence.PathPattern;
import java.util.List;
import java.util.Optional;

/**
 * First match wins, in file order, on the decoded path; a path that reaches a pattern only by
 * ignoring letter case or a trailing {@code /} is refused rather than given another profile.
 *
 * @param <T> what a route leads to
 */
public final class PathRouter<T> {
    /** One profile: its name, patterns and target. */
    public record Route<T>(String name, List<PathPattern> patterns, T target) {
        public Route {
            patterns = List.copyOf(patterns);
        }
    }

    /** The outcome: the route that matched (empty for the default), or why the path is refused. */
    public record Outcome<T>(String path, Optional<Route<T>> route, String problem) {
        public boolean refused() {
            return !problem.isEmpty();
        }
    }

    private final List<Route<T>> routes;

    public PathRouter(List<Route<T>> routes) {
        this.routes = List.copyOf(routes);
    }

    /** Routes a request path as sent (percent-encoded, without query string). */
    public Outcome<T> route(String rawPath) {
        RequestPathDecoder.Decoded decoded = RequestPathDecoder.decode(rawPath);
        if (!decoded.ok()) {
            return new Outcome<>("", Optional.empty(), "ambiguous request path: " + decoded.problem());
        }
        String path = decoded.path();
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Route<T> r : routes) {
            for (PathPattern p : r.patterns()) {
                if (p.matches(path)) {
                    return new Outcome<>(path, Optional.of(r), "");
                }
                if (PathSyntax.matches(p.base(), p.subtree(), path, true)
                        || PathSyntax.matches(p.base(), p.subtree(), trimmed, true)) {
                    return new Outcome<>(
                            path,
                            Optional.empty(),
                            "ambiguous request path: it differs from the " + "pattern of profile '" + r.name()
                                    + "' only in letter case or a trailing '/'");
                }
            }
        }
        return new Outcome<>(path, Optional.empty(), "");
    }

    public List<Route<T>> routes() {
        return routes;
    }
}
