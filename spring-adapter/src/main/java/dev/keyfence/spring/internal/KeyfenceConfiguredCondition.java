package dev.keyfence.spring.internal;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when any {@code keyfence.*} property is set, so that a misspelt one fails startup. */
public final class KeyfenceConfiguredCondition extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        if (KeyfenceConfigLoader.isConfigured(context.getEnvironment())) {
            return ConditionOutcome.match("a keyfence.* property is set");
        }
        return ConditionOutcome.noMatch("no keyfence.* property is set");
    }
}
