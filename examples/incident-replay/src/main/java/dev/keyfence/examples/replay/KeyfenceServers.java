package dev.keyfence.examples.replay;

import dev.keyfence.TokenValidator;
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

    private KeyfenceServers() {}

    /**
     * {@link MailApiApplication} with the Keyfence Spring adapter: {@code keyfence.config} names
     * the policy file, the adapter's auto-configuration provides the {@code JwtDecoder}, and
     * {@link KeyfenceSpringClock} sets the replay clock.
     */
    static ProtectedServer spring(Path configFile, Clock clock) {
        return SpringMailApi.start(
                new Column(
                        SPRING,
                        "the same Spring Boot app; JwtDecoder from the Keyfence Spring adapter (keyfence.config="
                                + configFile.getFileName() + "), its KeyfenceResourceResolver picks the "
                                + KeyfencePolicy.ADMIN_PROFILE + " profile for /api/admin/**",
                        true),
                clock,
                Map.of("keyfence.config", configFile.toAbsolutePath().toString()),
                KeyfenceSpringClock.class);
    }

    /**
     * A servlet on embedded Tomcat behind {@code new KeyfenceFilter(TokenValidator)}: one validator
     * for the mail API and, sharing its key caches, {@code validator.forResource(...)} of the
     * {@code tenant-admin} profile for the admin API.
     */
    static ProtectedServer servlet(KeyfencePolicy policy, Path configFile, Clock clock, Path workDir) {
        TokenValidator mail = policy.validator(clock);
        return ServletMailApi.start(
                new Column(
                        SERVLET,
                        "a servlet on embedded Tomcat behind new KeyfenceFilter(validator), and new KeyfenceFilter("
                                + "validator.forResource(" + KeyfencePolicy.ADMIN_PROFILE
                                + ")) on /api/admin/*, policy from "
                                + configFile.getFileName(),
                        true),
                mail,
                mail.forResource(policy.adminResource()),
                workDir);
    }
}
