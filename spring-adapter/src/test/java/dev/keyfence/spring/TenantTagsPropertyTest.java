package dev.keyfence.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.spring.internal.KeyfencePropertyException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** {@code keyfence.metrics.tenant-tags}: off unless set, {@code true} or {@code false}, anything else names the property. */
class TenantTagsPropertyTest {
    private static StandardEnvironment with(String value) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("keyfence.metrics.tenant-tags", value)));
        return env;
    }

    @Test
    void offByDefault() {
        assertThat(KeyfenceMetricsAutoConfiguration.tenantTags(new StandardEnvironment()))
                .isFalse();
    }

    @Test
    void trueAndFalseInAnyCase() {
        assertThat(KeyfenceMetricsAutoConfiguration.tenantTags(with(" TRUE "))).isTrue();
        assertThat(KeyfenceMetricsAutoConfiguration.tenantTags(with("false"))).isFalse();
    }

    @Test
    void anythingElseFailsNamingTheProperty() {
        assertThatThrownBy(() -> KeyfenceMetricsAutoConfiguration.tenantTags(with("yes")))
                .isInstanceOf(KeyfencePropertyException.class)
                .hasMessageContaining("keyfence.metrics.tenant-tags");
    }
}
