package dev.keyfence.jakarta.support;

import dev.keyfence.testkit.Tls;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/** Embedded Tomcat 11. */
public final class TomcatContainer implements ServletContainer {

    private record TlsSetup(Tls.Identity identity, java.security.KeyStore trusted) {}

    @Override
    public String name() {
        return "Tomcat";
    }

    private record Started(Tomcat tomcat, Context context) implements Running {
        @Override
        public int port() {
            return tomcat.getConnector().getLocalPort();
        }

        @Override
        public void close() {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (LifecycleException e) {
                throw new IllegalStateException("cannot stop Tomcat", e);
            }
        }
    }

    @Override
    public Running start(Deployment deployment) {
        return started(launch(deployment, java.util.Optional.empty()));
    }

    @Override
    public Running startTls(Deployment deployment, Tls.Identity server, java.security.KeyStore trusted) {
        return started(launch(deployment, java.util.Optional.of(new TlsSetup(server, trusted))));
    }

    private static Running started(Started started) {
        if (!started.context().getState().isAvailable()) {
            started.close();
            throw new IllegalStateException("web application did not start on Tomcat");
        }
        return started;
    }

    @Override
    public String startupFailure(Deployment deployment) {
        List<Throwable> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getThrown() != null) {
                    logged.add(record.getThrown());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try (Started started = launch(deployment, java.util.Optional.empty())) {
            if (started.context().getState().isAvailable()) {
                throw new AssertionError("web application started although its filter configuration is bad");
            }
        } finally {
            root.removeHandler(capture);
        }
        return logged.stream()
                .map(StartupFailures::servletException)
                .flatMap(java.util.Optional::stream)
                .map(ServletException::getMessage)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no filter ServletException was reported: " + logged));
    }

    private static Started launch(Deployment deployment, java.util.Optional<TlsSetup> tls) {
        Tomcat tomcat = new Tomcat();
        try {
            tomcat.setBaseDir(Files.createTempDirectory("keyfence-tomcat").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tls.ifPresent(setup -> {
            connector.setSecure(true);
            connector.setScheme("https");
            connector.setProperty("SSLEnabled", "true");
            SSLHostConfig ssl = new SSLHostConfig();
            ssl.setCertificateVerification("optional");
            ssl.setTrustStore(setup.trusted());
            SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.RSA);
            certificate.setCertificateKeystore(setup.identity().keyStore());
            certificate.setCertificateKeystorePassword(new String(Tls.PASSWORD));
            certificate.setCertificateKeyAlias("key");
            ssl.addCertificate(certificate);
            connector.addSslHostConfig(ssl);
        });
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "echo", new EchoServlet());
        context.addServletMappingDecoded("/*", "echo");
        for (Deployment.FilterSpec spec : deployment.filters()) {
            FilterDef def = new FilterDef();
            def.setFilterName(spec.name());
            def.setFilterClass(spec.type().getName());
            spec.instance().ifPresent(def::setFilter);
            spec.initParameters().forEach(def::addInitParameter);
            context.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName(spec.name());
            spec.urlPatterns().forEach(map::addURLPatternDecoded);
            context.addFilterMap(map);
        }
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException("cannot start Tomcat", e);
        }
        return new Started(tomcat, context);
    }
}
