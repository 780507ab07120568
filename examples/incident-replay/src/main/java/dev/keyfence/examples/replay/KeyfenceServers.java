package dev.keyfence.examples.replay;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The two Keyfence columns: the same mail API as the common setup, once through the Spring
 * adapter and once as a servlet behind the Keyfence filter. Both read the same policy file.
 */
final class KeyfenceServers {

    /** Header of the Spring column. */
    static final String SPRING = "Keyfence (Spring)";
    /** Header of the servlet column. */
    static final String SERVLET = "Keyfence (servlet)";

    private KeyfenceServers() {
    }

    /**
     * {@link MailApiApplication} with the Keyfence Spring adapter: {@code keyfence.config} names
     * the policy file, the adapter's auto-configuration provides the {@code JwtDecoder}, and
     * {@link KeyfenceSpringClock} sets the replay clock.
     */
    static ProtectedServer spring(Path configFile, Clock clock) {
        return SpringMailApi.start(new Column(SPRING,
                "the same Spring Boot app; JwtDecoder from the Keyfence Spring adapter (keyfence.config="
                        + configFile.getFileName() + ")", true),
                clock, Map.of("keyfence.config", configFile.toAbsolutePath().toString()), KeyfenceSpringClock.class);
    }

    /** A servlet on embedded Tomcat behind {@code new KeyfenceFilter(TokenValidator)}. */
    static ProtectedServer servlet(KeyfencePolicy policy, Path configFile, Clock clock, Path workDir) {
        return ServletMailApi.start(new Column(SERVLET,
                "a servlet on embedded Tomcat behind new KeyfenceFilter(TokenValidator), policy from "
                        + configFile.getFileName(), true), policy.validator(clock), workDir);
    }
}
