package dev.keyfence.jakarta.support;

import dev.keyfence.testkit.Tls;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.assertj.core.api.Assertions;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Embedded Jetty 12 (EE10). */
public final class JettyContainer implements ServletContainer {

    private record TlsSetup(Tls.Identity identity, java.security.KeyStore trusted) {}

    @Override
    public String name() {
        return "Jetty";
    }

    private record Started(Server server, ServerConnector connector) implements Running {
        @Override
        public int port() {
            return connector.getLocalPort();
        }

        @Override
        public void close() {
            LifeCycle.stop(server);
        }
    }

    @Override
    public Running start(Deployment deployment) {
        return started(build(deployment, java.util.Optional.empty()));
    }

    @Override
    public Running startTls(Deployment deployment, Tls.Identity server, java.security.KeyStore trusted) {
        return started(build(deployment, java.util.Optional.of(new TlsSetup(server, trusted))));
    }

    private static Running started(Started started) {
        LifeCycle.start(started.server());
        return started;
    }

    @Override
    public String startupFailure(Deployment deployment) {
        Started started = build(deployment, java.util.Optional.empty());
        Throwable thrown = Assertions.catchThrowable(() -> started.server().start());
        started.close();
        if (thrown == null) {
            throw new AssertionError("web application started although its filter configuration is bad");
        }
        return StartupFailures.servletException(thrown)
                .map(Throwable::getMessage)
                .orElseThrow(() -> new AssertionError("no filter ServletException was reported", thrown));
    }

    private static Started build(Deployment deployment, java.util.Optional<TlsSetup> tls) {
        Server server = new Server();
        ServerConnector connector = tls.map(setup -> {
                    SslContextFactory.Server ssl = new SslContextFactory.Server();
                    ssl.setKeyStore(setup.identity().keyStore());
                    ssl.setKeyStorePassword(new String(Tls.PASSWORD));
                    ssl.setWantClientAuth(true);
                    ssl.setTrustStore(setup.trusted());
                    HttpConfiguration https = new HttpConfiguration();
                    SecureRequestCustomizer secure = new SecureRequestCustomizer();
                    secure.setSniHostCheck(false);
                    https.addCustomizer(secure);
                    return new ServerConnector(
                            server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
                })
                .orElseGet(() -> new ServerConnector(server));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new EchoServlet()), "/*");
        for (Deployment.FilterSpec spec : deployment.filters()) {
            FilterHolder holder = spec.instance().map(FilterHolder::new).orElseGet(() -> new FilterHolder(spec.type()));
            holder.setName(spec.name());
            spec.initParameters().forEach(holder::setInitParameter);
            for (String pattern : spec.urlPatterns()) {
                context.addFilter(holder, pattern, EnumSet.of(DispatcherType.REQUEST));
            }
        }
        server.setHandler(context);
        return new Started(server, connector);
    }
}
