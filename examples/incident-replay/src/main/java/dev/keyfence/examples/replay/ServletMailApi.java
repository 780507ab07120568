package dev.keyfence.examples.replay;

import dev.keyfence.TokenValidator;
import dev.keyfence.VerifiedToken;
import dev.keyfence.jakarta.KeyfenceFilter;
import dev.keyfence.testkit.Json;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.modeler.Registry;

/** The mail and admin APIs as a plain servlet on embedded Tomcat, behind {@link KeyfenceFilter}s. */
public final class ServletMailApi implements ProtectedServer {

    private final Column column;
    private final Tomcat tomcat;

    private ServletMailApi(Column column, Tomcat tomcat) {
        this.column = column;
        this.tomcat = tomcat;
    }

    /**
     * Starts Tomcat on an ephemeral port of 127.0.0.1 with {@code new KeyfenceFilter(admin)} in
     * front of {@code /api/admin/*} and {@code new KeyfenceFilter(mail)} in front of everything else.
     *
     * @param column  what this server is, for the table
     * @param mail    the validator of the mail API ({@code GET /api/me})
     * @param admin   the validator of the enterprise-only admin API ({@code GET /api/admin/me}),
     *                e.g. {@code mail.forResource(...)}
     * @param baseDir Tomcat's work folder
     * @return the running server
     */
    public static ServletMailApi start(Column column, TokenValidator mail, TokenValidator admin, Path baseDir) {
        Registry.disableRegistry(); // no JMX: faster start, and no clash with the Spring Boot apps' Tomcats
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toAbsolutePath().toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "me", new MeServlet());
        context.addServletMappingDecoded(Scenarios.MAIL, "me");
        context.addServletMappingDecoded(Scenarios.ADMIN, "me");
        // in mapping order: /api/admin/* needs a token the admin profile accepts, then every path
        // one the mail resource accepts (a superset: the admin profile only narrows the key scopes)
        addFilter(context, "keyfence-admin", new KeyfenceFilter(admin), "/api/admin/*");
        addFilter(context, "keyfence", new KeyfenceFilter(mail), "/*");
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException("cannot start Tomcat for " + column.name(), e);
        }
        return new ServletMailApi(column, tomcat);
    }

    private static void addFilter(Context context, String name, KeyfenceFilter filter, String pattern) {
        FilterDef def = new FilterDef();
        def.setFilterName(name);
        def.setFilterClass(KeyfenceFilter.class.getName());
        def.setFilter(filter);
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName(name);
        map.addURLPatternDecoded(pattern);
        context.addFilterMap(map);
    }

    @Override
    public Column column() {
        return column;
    }

    @Override
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + path);
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("cannot stop Tomcat for " + column.name(), e);
        }
    }

    /** {@code GET /api/me} and {@code GET /api/admin/me}: who the verified token says the caller is. */
    static final class MeServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            VerifiedToken token = (VerifiedToken) request.getAttribute(KeyfenceFilter.VERIFIED_TOKEN_ATTRIBUTE);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sub", token.subject().orElse(null));
            body.put("issuer", token.issuer());
            body.put("tenant", token.tenant().orElse(null));
            body.put("keyScope", token.keyScope());
            response.setContentType("application/json");
            response.getOutputStream().write(Json.write(body).getBytes(StandardCharsets.UTF_8));
        }
    }
}
