package dev.keyfence.examples.replay;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The "common setup": how a Spring user typically protects a multi-tenant API. Nimbus verifies
 * the signature with any key the common endpoint publishes; then the timestamps, the issuer and
 * the audience are checked.
 */
@Configuration(proxyBeanMethods = false)
public class CommonSetupDecoder {

    /**
     * The decoder, as commonly written.
     *
     * <p>The issuer: {@code JwtValidators.createDefaultWithIssuer(...)} takes one exact issuer, but
     * a multi-tenant app sees {@code .../{tenantid}/v2.0} with every tenant's id, so the usual
     * answer (samples, Q&amp;A threads) is to check only that {@code iss} starts with the login
     * host, or to skip the check. We write the prefix check: the more careful of the two.
     *
     * <p>The clock: the replay happens "on 2023-05-15", so the timestamp validator reads the
     * replay's clock, as Keyfence does; everything else is Spring's default.
     */
    @Bean
    JwtDecoder jwtDecoder(
            @Value("${replay.jwks-uri}") String jwksUri,
            @Value("${replay.login-host}") String loginHost,
            @Value("${replay.audience}") String audience,
            Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUri).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> issuer = new JwtClaimValidator<Object>(
                JwtClaimNames.ISS, iss -> iss != null && iss.toString().startsWith(loginHost + "/"));
        OAuth2TokenValidator<Jwt> audiences =
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, issuer, audiences));
        return decoder;
    }
}
