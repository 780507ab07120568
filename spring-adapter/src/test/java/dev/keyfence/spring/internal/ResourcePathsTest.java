package dev.keyfence.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyfence.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The path syntax of resource profiles: {@code /exact}, {@code /prefix/**}, no other {@code *}. */
class ResourcePathsTest {
    private final ResourcePaths paths = ResourcePaths.of("admin", List.of("/api/admin/**", "/status"));

    @Test
    void aPrefixMatchesItselfAndEverythingBelowIt() {
        assertThat(paths.matches("/api/admin")).isTrue();
        assertThat(paths.matches("/api/admin/")).isTrue();
        assertThat(paths.matches("/api/admin/users/1")).isTrue();
    }

    @Test
    void aPrefixDoesNotMatchAPathThatOnlyStartsWithTheSameCharacters() {
        assertThat(paths.matches("/api/administrator")).isFalse();
        assertThat(paths.matches("/api")).isFalse();
    }

    @Test
    void anExactPathMatchesOnlyItself() {
        assertThat(paths.matches("/status")).isTrue();
        assertThat(paths.matches("/status/x")).isFalse();
        assertThat(paths.matches("/statusx")).isFalse();
    }

    @Test
    void rootPrefixMatchesEveryPath() {
        assertThat(ResourcePaths.of("all", List.of("/**")).matches("/anything/below"))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/*", "/api/*/users", "/api/**/users", "/a*", "*", "api/admin/**", "/api/admin/***"})
    void anyOtherWildcardOrARelativePathIsAConfigurationErrorNamingTheSetting(String pattern) {
        assertThatThrownBy(() -> ResourcePaths.of("admin", List.of(pattern)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("resources.admin.paths[0]: ");
    }
}
