package dev.keyfence.examples.servlet;

import dev.keyfence.ConfigurationException;
import dev.keyfence.TokenValidator;
import dev.keyfence.jakarta.KeyfenceFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Embedded Tomcat serving {@code GET /api/me} behind {@link KeyfenceFilter}.
 *
 * <pre>
 * java -Dkeyfence.config=keyfence.yaml -Dport=8080 -jar servlet-resource-server.jar
 * </pre>
 *
 * The file's {@code resources:} path profiles decide what each request path accepts
 * ({@link TokenValidator#fromConfig} carries them and the filter applies them).
 * Prints {@code listening on PORT} on stdout once it serves requests (port 0 picks a free port
 * and prints it) and stops on SIGTERM. A bad configuration prints one line naming the setting on
 * stderr and exits with status 2.
 */
public final class ServletResourceServer {
    private ServletResourceServer() {}

    public static void main(String[] args) throws LifecycleException, IOException {
        String file = System.getProperty(KeyfenceFilter.CONFIG);
        if (file == null || file.isBlank()) {
            fail("keyfence.config: required, e.g. -Dkeyfence.config=keyfence.yaml");
            return;
        }
        int port;
        try {
            port = Integer.parseInt(System.getProperty("port", "8080").strip());
        } catch (NumberFormatException e) {
            fail("port: not a number");
            return;
        }
        TokenValidator validator;
        try {
            validator = TokenValidator.fromConfig(Path.of(file));
        } catch (ConfigurationException e) {
            fail(e.getMessage());
            return;
        }
        Tomcat tomcat = start(port, validator);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(tomcat), "shutdown"));
        System.out.println("listening on " + tomcat.getConnector().getLocalPort());
        System.out.flush();
        tomcat.getServer().await();
    }

    private static Tomcat start(int port, TokenValidator validator) throws LifecycleException, IOException {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("servlet-resource-server").toString());
        Connector connector = new Connector();
        connector.setPort(port);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "me", new MeServlet());
        context.addServletMappingDecoded("/api/me", "me");

        FilterDef keyfence = new FilterDef();
        keyfence.setFilterName("keyfence");
        keyfence.setFilterClass(KeyfenceFilter.class.getName());
        keyfence.setFilter(new KeyfenceFilter(validator));
        context.addFilterDef(keyfence);
        FilterMap map = new FilterMap();
        map.setFilterName("keyfence");
        map.addURLPatternDecoded("/api/*");
        context.addFilterMap(map);

        tomcat.start();
        if (!context.getState().isAvailable()) {
            stop(tomcat);
            throw new IllegalStateException("the web application did not start");
        }
        return tomcat;
    }

    private static void stop(Tomcat tomcat) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("cannot stop Tomcat", e);
        }
        deleteTree(Path.of(tomcat.getServer().getCatalinaBase().getPath()));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fail(String message) {
        System.err.println("servlet-resource-server: " + message);
        System.exit(2);
    }
}
