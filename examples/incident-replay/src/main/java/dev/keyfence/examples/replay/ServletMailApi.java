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

/** The mail API as a plain servlet on embedded Tomcat, behind {@link KeyfenceFilter}. */
public final class ServletMailApi implements ProtectedServer {

    private final Column column;
    private final Tomcat tomcat;

    private ServletMailApi(Column column, Tomcat tomcat) {
        this.column = column;
        this.tomcat = tomcat;
    }

    /**
     * Starts Tomcat on an ephemeral port of 127.0.0.1 with {@code new KeyfenceFilter(validator)}
     * in front of {@code GET /api/me}.
     *
     * @param column    what this server is, for the table
     * @param validator the validator the filter uses
     * @param baseDir   Tomcat's work folder
     * @return the running server
     */
    public static ServletMailApi start(Column column, TokenValidator validator, Path baseDir) {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toAbsolutePath().toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "me", new MeServlet());
        context.addServletMappingDecoded("/api/me", "me");
        FilterDef keyfence = new FilterDef();
        keyfence.setFilterName("keyfence");
        keyfence.setFilterClass(KeyfenceFilter.class.getName());
        keyfence.setFilter(new KeyfenceFilter(validator));
        context.addFilterDef(keyfence);
        FilterMap everything = new FilterMap();
        everything.setFilterName("keyfence");
        everything.addURLPatternDecoded("/*");
        context.addFilterMap(everything);
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException("cannot start Tomcat for " + column.name(), e);
        }
        return new ServletMailApi(column, tomcat);
    }

    @Override
    public Column column() {
        return column;
    }

    @Override
    public URI apiMe() {
        return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/api/me");
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

    /** {@code GET /api/me}: who the verified token says the caller is. */
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
