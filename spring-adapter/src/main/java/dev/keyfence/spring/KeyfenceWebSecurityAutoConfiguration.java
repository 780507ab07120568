package dev.keyfence.spring;

import dev.keyfence.CredentialPolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.spring.internal.KeyfenceConfiguredCondition;
import dev.keyfence.spring.internal.ProtectedResourceMetadata;
import dev.keyfence.spring.internal.SpringDpopFilter;
import java.util.Optional;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * When the application declares no {@link SecurityFilterChain} of its own, a stateless
 * resource-server chain: every request needs a bearer token that Keyfence accepts for the resource
 * profile of its path; no form login, logout, HTTP Basic, sessions, request cache or CSRF tokens
 * (nothing here is a browser session). Credentials are read and answered by core's
 * {@link CredentialPolicy}, like the servlet filter (requests the HTTP firewall rejects are answered
 * 400 {@code invalid_request} by the same policy, see {@link KeyfenceAutoConfiguration}). The RFC 9728
 * metadata endpoint names the resource by its configured URL audience (never the request's
 * {@code Host}) and answers 404 when the resource has none. DPoP requests are Keyfence's too: the
 * DPoP filter Spring Security adds reads {@code Authorization: DPoP} with the credential policy,
 * authenticates through the Keyfence resolver (core checks the proof) and answers failures with the
 * Keyfence entry point, so a DPoP failure gets the reason code like any other.
 */
@AutoConfiguration(
        after = KeyfenceAutoConfiguration.class,
        beforeName = {
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration"
        })
@Conditional(KeyfenceConfiguredCondition.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(
        name = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity",
            "org.springframework.security.config.annotation.web.builders.HttpSecurity"
        })
public class KeyfenceWebSecurityAutoConfiguration {
    /** How credentials are read and answered: header tokens only, unless the application declares its own. */
    @Bean
    @ConditionalOnMissingBean
    public CredentialPolicy keyfenceCredentialPolicy() {
        return CredentialPolicy.defaults();
    }

    /** Every request authenticated by Keyfence, stateless, per-path resource profiles. */
    @Bean
    @ConditionalOnDefaultWebSecurity
    @ConditionalOnBean(KeyfenceResourceResolver.class)
    public SecurityFilterChain keyfenceSecurityFilterChain(
            HttpSecurity http,
            KeyfenceResourceResolver resolver,
            CredentialPolicy credentials,
            TokenValidator validator)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(resolver)
                        .bearerTokenResolver(new KeyfenceBearerTokenResolver(credentials))
                        .authenticationEntryPoint(new KeyfenceAuthenticationEntryPoint(credentials)));
        Optional<String> resource = ProtectedResourceMetadata.resource(validator);
        if (resource.isPresent()) {
            http.oauth2ResourceServer(o -> o.protectedResourceMetadata(m -> m.protectedResourceMetadataCustomizer(
                    ProtectedResourceMetadata.enforced(resource.get(), credentials))));
        } else {
            http.addFilterAfter(new ProtectedResourceMetadata.NotPublished(), HeaderWriterFilter.class);
        }
        return SpringDpopFilter.keyfence(
                http.build(), credentials, resolver, new KeyfenceAuthenticationEntryPoint(credentials));
    }
}
