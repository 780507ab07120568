package dev.keyfence.spring;

import dev.keyfence.ConfigurationException;
import dev.keyfence.CredentialPolicy;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.TokenValidator;
import dev.keyfence.spring.internal.KeyfenceConfigLoader;
import dev.keyfence.spring.internal.KeyfenceConfiguredCondition;
import dev.keyfence.spring.internal.ReactiveExchange;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * Keyfence for WebFlux: a {@link KeyfenceReactiveJwtDecoder} (unless the application declares its
 * own {@link ReactiveJwtDecoder}), so {@code http.oauth2ResourceServer(o -> o.jwt(...))} validates
 * with Keyfence unchanged; the per-path {@link KeyfenceReactiveResourceResolver}; and, when the
 * application declares no {@link SecurityWebFilterChain}, a default chain in which every request
 * needs a bearer token that Keyfence accepts for the resource profile of its path, read and
 * answered by core's {@link CredentialPolicy} exactly as the servlet filter and Spring MVC do.
 */
@AutoConfiguration(
        after = KeyfenceAutoConfiguration.class,
        beforeName = {
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration"
        })
@Conditional(KeyfenceConfiguredCondition.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(
        name = {
            "org.springframework.security.oauth2.jwt.ReactiveJwtDecoder",
            "reactor.core.publisher.Mono",
            "org.springframework.web.server.ServerWebExchange"
        })
public class KeyfenceReactiveAutoConfiguration {

    /** How credentials are read and answered: header tokens only, unless the application declares its own. */
    @Bean
    @ConditionalOnMissingBean
    public CredentialPolicy keyfenceCredentialPolicy() {
        return CredentialPolicy.defaults();
    }

    /** The Keyfence decoder for the default resource; an application's own ReactiveJwtDecoder wins. */
    @Bean
    @ConditionalOnMissingBean(ReactiveJwtDecoder.class)
    public KeyfenceReactiveJwtDecoder keyfenceReactiveJwtDecoder(
            TokenValidator validator, ObjectProvider<KeyfenceVerdictListener> listeners) {
        return new KeyfenceReactiveJwtDecoder(
                validator, listeners.orderedStream().toList());
    }

    /** The per-path resolver; a path outside the syntax fails startup naming the property. */
    @Bean
    @ConditionalOnMissingBean
    public KeyfenceReactiveResourceResolver keyfenceReactiveResourceResolver(
            TokenValidator validator,
            KeyfenceConfig config,
            ReactiveJwtDecoder decoder,
            ObjectProvider<KeyfenceVerdictListener> listeners,
            KeyfenceJwtAuthenticationConverter converter,
            Environment environment) {
        try {
            return new KeyfenceReactiveResourceResolver(
                    validator,
                    decoder,
                    config.resources(),
                    listeners.orderedStream().toList(),
                    converter);
        } catch (ConfigurationException e) {
            throw KeyfenceConfigLoader.named(environment, e);
        }
    }

    /** The default chain, when the application declares none. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.config.web.server.ServerHttpSecurity")
    static class DefaultChain {
        /**
         * A request that Spring Security's WebFlux firewall rejects (encoded {@code /} or
         * {@code .}, {@code ;}, {@code //}, dot segments) gets 400 {@code invalid_request} from
         * core's credential policy, as the servlet stack and the filter answer it.
         */
        @Bean
        @ConditionalOnMissingBean(ServerExchangeRejectedHandler.class)
        ServerExchangeRejectedHandler keyfenceExchangeRejectedHandler(CredentialPolicy credentials) {
            return (exchange, rejected) -> ReactiveExchange.write(
                    exchange.getResponse(), credentials.invalidRequest("ambiguous request path"));
        }

        @Bean
        @ConditionalOnMissingBean(SecurityWebFilterChain.class)
        SecurityWebFilterChain keyfenceSecurityWebFilterChain(
                ServerHttpSecurity http, KeyfenceReactiveResourceResolver resolver, CredentialPolicy credentials) {
            return http.authorizeExchange(e -> e.anyExchange().authenticated())
                    .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                    .csrf(ServerHttpSecurity.CsrfSpec::disable)
                    .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                    .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                    .logout(ServerHttpSecurity.LogoutSpec::disable)
                    .oauth2ResourceServer(o -> o.authenticationManagerResolver(resolver)
                            .bearerTokenConverter(new KeyfenceServerAuthenticationConverter(credentials))
                            .authenticationEntryPoint(new KeyfenceServerAuthenticationEntryPoint(credentials)))
                    .build();
        }
    }
}
