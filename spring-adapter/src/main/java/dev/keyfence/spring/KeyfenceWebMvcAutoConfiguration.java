package dev.keyfence.spring;

import dev.keyfence.spring.internal.KeyfenceAuthenticationArgumentResolver;
import dev.keyfence.spring.internal.KeyfenceConfiguredCondition;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Spring MVC: a {@link KeyfenceAuthenticationToken} controller parameter resolves under every chain
 * that uses the Keyfence decoder, {@code o.jwt(Customizer.withDefaults())} included.
 */
@AutoConfiguration(after = KeyfenceAutoConfiguration.class)
@Conditional(KeyfenceConfiguredCondition.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(
        name = {
            "org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter",
            "org.springframework.security.core.context.SecurityContextHolder"
        })
public class KeyfenceWebMvcAutoConfiguration {

    /**
     * Puts the resolver for {@link KeyfenceAuthenticationToken} parameters first: Spring's own
     * resolver of {@code Principal} parameters comes before any added the usual way and would fail
     * on the plain {@code JwtAuthenticationToken} that {@code o.jwt(...)} makes.
     */
    @Bean
    public static BeanPostProcessor keyfenceAuthenticationParameter() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
                    List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(adapter.getArgumentResolvers());
                    if (resolvers.stream().noneMatch(KeyfenceAuthenticationArgumentResolver.class::isInstance)) {
                        resolvers.add(0, new KeyfenceAuthenticationArgumentResolver());
                        adapter.setArgumentResolvers(resolvers);
                    }
                }
                return bean;
            }
        };
    }
}
