package dev.keyfence.spring.internal;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code keyfence.issuers} or {@code keyfence.config} is set. */
public final class KeyfenceConfiguredCondition extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        if (KeyfenceConfigLoader.isConfigured(context.getEnvironment())) {
            return ConditionOutcome.match("keyfence.issuers or keyfence.config is set");
        }
        return ConditionOutcome.noMatch("neither keyfence.issuers nor keyfence.config is set");
    }
}
