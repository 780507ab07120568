package dev.keyfence.jakarta.support;

import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A web application to deploy: filters (instances or classes, with init parameters) in front of {@link EchoServlet} on {@code /*}. */
public final class Deployment {
    /** One filter registration. An empty instance means the container creates the class itself, as from web.xml. */
    public record FilterSpec(
            String name,
            Optional<Filter> instance,
            Class<? extends Filter> type,
            Map<String, String> initParameters,
            List<String> urlPatterns) {}

    private final List<FilterSpec> filters = new ArrayList<>();

    public static Deployment create() {
        return new Deployment();
    }

    /** Adds a filter instance (programmatic registration). */
    public Deployment filter(String name, Filter filter, Map<String, String> initParameters, String... urlPatterns) {
        filters.add(new FilterSpec(
                name,
                Optional.of(filter),
                filter.getClass(),
                new LinkedHashMap<>(initParameters),
                List.of(urlPatterns)));
        return this;
    }

    /** Adds a filter the container instantiates by class name, like a web.xml {@code <filter>}. */
    public Deployment filter(
            String name, Class<? extends Filter> type, Map<String, String> initParameters, String... urlPatterns) {
        filters.add(new FilterSpec(
                name, Optional.empty(), type, new LinkedHashMap<>(initParameters), List.of(urlPatterns)));
        return this;
    }

    public List<FilterSpec> filters() {
        return List.copyOf(filters);
    }
}
