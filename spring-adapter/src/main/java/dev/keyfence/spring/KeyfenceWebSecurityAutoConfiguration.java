package dev.keyfence.spring;

import dev.keyfence.spring.internal.KeyfenceConfiguredCondition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * When the application declares no {@link SecurityFilterChain} of its own, every request needs a
 * bearer token that Keyfence accepts for the resource profile of its path.
 */
@AutoConfiguration(after = KeyfenceAutoConfiguration.class, beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration"})
@Conditional(KeyfenceConfiguredCondition.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity",
        "org.springframework.security.config.annotation.web.builders.HttpSecurity"})
public class KeyfenceWebSecurityAutoConfiguration {

    /** Every request authenticated by Keyfence, stateless, per-path resource profiles. */
    @Bean
    @ConditionalOnDefaultWebSecurity
    @ConditionalOnBean(KeyfenceResourceResolver.class)
    public SecurityFilterChain keyfenceSecurityFilterChain(HttpSecurity http, KeyfenceResourceResolver resolver)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(resolver)
                        .authenticationEntryPoint(new KeyfenceAuthenticationEntryPoint()));
        return http.build();
    }
}
