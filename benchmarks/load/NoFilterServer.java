import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The floor of benchmarks/load.sh for the servlet example: the same embedded Tomcat and the same
 * answer as examples/servlet-resource-server, with no filter at all (every request is served).
 * Never a server to copy. Run from source with the example's jar on the class path:
 * java -cp examples/servlet-resource-server/target/servlet-resource-server.jar benchmarks/load/NoFilterServer.java PORT
 */
public final class NoFilterServer {
    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("no-filter-server").toString());
        Connector connector = new Connector();
        connector.setPort(Integer.parseInt(args[0]));
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "me", new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                String json = "{\"sub\":\"user\",\"issuer\":\"https://login.example.test/load/v2.0\",\"tenant\":null,"
                        + "\"keyScope\":\"enterprise\"}";
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                resp.setStatus(HttpServletResponse.SC_OK);
                resp.setContentType("application/json");
                resp.setCharacterEncoding("UTF-8");
                resp.setContentLength(body.length);
                resp.getOutputStream().write(body);
            }
        });
        context.addServletMappingDecoded("/api/me", "me");
        tomcat.start();
        System.out.println("listening on " + tomcat.getConnector().getLocalPort());
        System.out.flush();
        tomcat.getServer().await();
    }
}
