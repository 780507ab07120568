package dev.keyfence.examples.replay;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** {@link MailApiApplication} running on an ephemeral port of 127.0.0.1. */
public final class SpringMailApi implements ProtectedServer {

    private final Column column;
    private final ConfigurableApplicationContext context;
    private final URI base;

    private SpringMailApi(Column column, ConfigurableApplicationContext context) {
        this.column = column;
        this.context = context;
        String port =
                Objects.requireNonNull(context.getEnvironment().getProperty("local.server.port"), "local.server.port");
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * The common setup: {@link CommonSetupDecoder} against the common key endpoint.
     *
     * @param idp   the identity provider
     * @param clock the replay clock
     * @return the running app
     */
    public static SpringMailApi commonSetup(IncidentIdentityProvider idp, Clock clock) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("replay.jwks-uri", idp.commonKeys().toString());
        properties.put("replay.login-host", idp.base());
        properties.put("replay.audience", IncidentIdentityProvider.AUDIENCE);
        return start(
                new Column(
                        "common setup",
                        "Spring Boot + NimbusJwtDecoder.withJwkSetUri(common endpoint), timestamps (replay clock),"
                                + " iss starts with the login host, aud contains " + IncidentIdentityProvider.AUDIENCE
                                + "; /api/admin/** also refuses tid of the consumer tenant",
                        false),
                clock,
                properties,
                CommonSetupDecoder.class);
    }

    /**
     * Starts the mail API with extra configuration classes (e.g. the decoder) and properties.
     *
     * @param column     what this app is, for the table
     * @param clock      the replay clock, registered as the {@link Clock} bean
     * @param properties Spring properties
     * @param sources    configuration classes besides {@link MailApiApplication}
     * @return the running app
     */
    static SpringMailApi start(Column column, Clock clock, Map<String, Object> properties, Class<?>... sources) {
        ReplayLogging.install();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("server.address", "127.0.0.1");
        all.put("spring.application.name", "mail-api");
        all.put("spring.main.register-shutdown-hook", "false");
        all.put("replay.consumer-tenant", IncidentIdentityProvider.CONSUMER_TENANT);
        all.putAll(properties);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MailApiApplication.class)
                .sources(sources)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(all)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("replayClock", clock))
                .run();
        return new SpringMailApi(column, context);
    }

    @Override
    public Column column() {
        return column;
    }

    @Override
    public URI uri(String path) {
        return base.resolve(path);
    }

    @Override
    public void close() {
        context.close();
    }
}
