package dev.keyfence.spring;

import dev.keyfence.CredentialPolicy;
import dev.keyfence.KeySourceListener;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.TokenValidator;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.jakarta.internal.ServletExchange;
import dev.keyfence.spring.internal.CompositeKeySourceListener;
import dev.keyfence.spring.internal.KeyfenceConfigLoader;
import dev.keyfence.spring.internal.KeyfenceConfiguredCondition;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Keyfence for Spring Boot: active when any {@code keyfence.*} property is set (a bad or misspelt
 * one fails startup, naming it). Provides the {@link TokenValidator}, a Keyfence {@link JwtDecoder} (unless the application
 * declares its own) and, in servlet applications, the per-path {@link KeyfenceResourceResolver}.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration"
        })
@Conditional(KeyfenceConfiguredCondition.class)
public class KeyfenceAutoConfiguration {

    /** The configuration read from {@code keyfence.config} or the {@code keyfence.*} properties. */
    @Bean
    @ConditionalOnMissingBean
    public KeyfenceConfig keyfenceConfig(Environment environment) {
        return KeyfenceConfigLoader.load(environment);
    }

    /**
     * The validator, with customizers applied, every {@link KeySourceListener} bean attached and
     * the {@code resources:} path profiles carried ({@link TokenValidator#forPath}).
     */
    @Bean
    @ConditionalOnMissingBean
    public TokenValidator keyfenceTokenValidator(
            KeyfenceConfig config,
            ObjectProvider<KeyfencePolicyCustomizer> customizers,
            ObjectProvider<KeySourceListener> listeners,
            Environment environment) {
        ValidationPolicy.Builder policy = config.policy().toBuilder();
        customizers.orderedStream().forEach(c -> c.customize(policy));
        List<KeySourceListener> all = listeners.orderedStream().toList();
        if (!all.isEmpty()) {
            policy.listener(new CompositeKeySourceListener(all));
        }
        return KeyfenceConfigLoader.validator(environment, policy).withProfiles(config.resources());
    }

    /** The Keyfence JwtDecoder for the default resource; an application's own JwtDecoder wins. */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    public KeyfenceJwtDecoder keyfenceJwtDecoder(
            TokenValidator validator, ObjectProvider<KeyfenceVerdictListener> listeners) {
        return new KeyfenceJwtDecoder(validator, listeners.orderedStream().toList());
    }

    /** Converts Keyfence JWTs into {@link KeyfenceAuthenticationToken}s. */
    @Bean
    @ConditionalOnMissingBean
    public KeyfenceJwtAuthenticationConverter keyfenceJwtAuthenticationConverter() {
        return new KeyfenceJwtAuthenticationConverter();
    }

    /** The per-path resolver, in servlet applications with Spring Security's web support. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(
            name = {
                "org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher",
                "jakarta.servlet.http.HttpServletRequest"
            })
    static class ResolverConfiguration {
        @Bean
        @ConditionalOnMissingBean
        KeyfenceResourceResolver keyfenceResourceResolver(
                TokenValidator validator,
                KeyfenceConfig config,
                JwtDecoder jwtDecoder,
                ObjectProvider<KeyfenceVerdictListener> listeners,
                KeyfenceJwtAuthenticationConverter converter) {
            return new KeyfenceResourceResolver(
                    validator,
                    jwtDecoder,
                    config.resources(),
                    listeners.orderedStream().toList(),
                    converter);
        }

        /**
         * A request that Spring Security's firewall rejects (encoded {@code /} or {@code .},
         * {@code ;}, {@code //}, dot segments) gets 400 {@code error="invalid_request"}, as a path
         * Keyfence refuses as ambiguous does, instead of travelling on to the error page.
         */
        @Bean
        @ConditionalOnMissingBean(RequestRejectedHandler.class)
        RequestRejectedHandler keyfenceRequestRejectedHandler(ObjectProvider<CredentialPolicy> credentials) {
            // answered by core's credential policy, so status, challenge and JSON body are the servlet filter's
            return (request, response, rejected) -> ServletExchange.write(
                    response,
                    credentials.getIfAvailable(CredentialPolicy::defaults).invalidRequest("ambiguous request path"));
        }
    }
}
