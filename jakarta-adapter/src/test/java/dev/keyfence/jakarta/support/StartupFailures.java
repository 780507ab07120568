package dev.keyfence.jakarta.support;

import jakarta.servlet.ServletException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Finds the filter's ServletException in whatever a container reported. */
final class StartupFailures {
    private StartupFailures() {}

    static Optional<ServletException> servletException(Throwable thrown) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        todo.add(thrown);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            if (t instanceof ServletException e && e.getCause() instanceof dev.keyfence.ConfigurationException) {
                return Optional.of(e);
            }
            todo.add(t.getCause());
            todo.addAll(java.util.List.of(t.getSuppressed()));
        }
        return Optional.empty();
    }
}
