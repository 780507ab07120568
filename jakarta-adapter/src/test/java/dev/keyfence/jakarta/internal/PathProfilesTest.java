package dev.keyfence.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathProfilesTest {
    @Test
    void prefixPatternsCoverThePrefixAndEverythingBelowOnly() {
        for (String pattern : new String[] {"/admin/*", "/admin/**"}) {
            assertThat(PathProfiles.matches(pattern, "/admin")).isTrue();
            assertThat(PathProfiles.matches(pattern, "/admin/")).isTrue();
            assertThat(PathProfiles.matches(pattern, "/admin/users/1")).isTrue();
            assertThat(PathProfiles.matches(pattern, "/administrator")).isFalse();
            assertThat(PathProfiles.matches(pattern, "/api/admin")).isFalse();
        }
    }

    @Test
    void rootPatternsCoverEveryPathAndExactPatternsOneOnly() {
        assertThat(PathProfiles.matches("/*", "/anything/at/all")).isTrue();
        assertThat(PathProfiles.matches("/**", "/")).isTrue();
        assertThat(PathProfiles.matches("/health", "/health")).isTrue();
        assertThat(PathProfiles.matches("/health", "/health/x")).isFalse();
    }
}
