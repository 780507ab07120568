package dev.keyfence.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keyfence.ConfigurationException;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.PathPattern;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two forms of a {@code paths} entry, and every other spelling refused at load naming the entry. */
class PathPatternTest {
    private static final String BASE = """
                issuers:
                  - name: local
                    issuer: "https://login.example.test/local"
                    jwks-file: keys.json
                    key-scope: enterprise
                resource:
                  audiences: ["api://mail"]
                  accepted-key-scopes: [enterprise]
                """;

    @Test
    void prefixFormCoversThePrefixAndEverythingBelowItOnly() {
        PathPattern admin = PathPattern.parse("/admin/**");
        assertThat(admin.matches("/admin")).isTrue();
        assertThat(admin.matches("/admin/")).isTrue();
        assertThat(admin.matches("/admin/users/1")).isTrue();
        assertThat(admin.matches("/administrator")).isFalse();
        assertThat(admin.matches("/api/admin")).isFalse();
        assertThat(admin.matches("/Admin/users")).isFalse();
        assertThat(admin.subtree()).isTrue();
        assertThat(admin.base()).isEqualTo("/admin");
    }

    @Test
    void exactFormCoversOnePathAndRootPrefixCoversAll() {
        PathPattern health = PathPattern.parse("/health");
        assertThat(health.matches("/health")).isTrue();
        assertThat(health.matches("/health/")).isFalse();
        assertThat(health.matches("/health/x")).isFalse();
        assertThat(PathPattern.parse("/**").matches("/")).isTrue();
        assertThat(PathPattern.parse("/**").matches("/anything/at/all")).isTrue();
        assertThat(PathPattern.parse("/").matches("/")).isTrue();
        assertThat(PathPattern.parse("/").matches("/x")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/admin/*",
                "/*",
                "/a/*/b",
                "/a*",
                "/a/**/b",
                "/**/a",
                "/a/***",
                "*",
                "/a/*.json",
                "admin/**",
                "",
                "/a/",
                "//**",
                "/a//b",
                "/a/../b",
                "/a/./b",
                "/a/.",
                "/a;b",
                "/a%2Fb",
                "/a\\b",
                "/a b",
                "/a?x",
                "/a#x",
                "/a\u0000"
            })
    void refusesAnyOtherSpellingExplainingTheTwoForms(String pattern) {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> PathPattern.parse(pattern));
        assertThat(e).isNotNull();
        assertThat(e.setting()).isEqualTo("paths");
        assertThat(e.problem()).contains("\"/exact\"", "\"/prefix/**\"");
        assertThat(e.getMessage()).doesNotContain("\u0000");
    }

    @Test
    void singleStarSuggestsThePrefixForm() {
        ConfigurationException e =
                catchThrowableOfType(ConfigurationException.class, () -> PathPattern.parse("/admin/*"));
        assertThat(e.problem()).contains("write \"/admin/**\"");
    }

    @Test
    void badPatternInFileFailsLoadNamingTheEntry() {
        String yaml = BASE + """
                resources:
                  admin:
                    paths: ["/admin/**", "/console/*"]
                    audiences: ["api://admin"]
                """;
        ConfigurationException e =
                catchThrowableOfType(ConfigurationException.class, () -> KeyfenceConfig.parse(yaml, Path.of(".")));
        assertThat(e.setting()).isEqualTo("resources.admin.paths[1]");
        assertThat(e.getMessage())
                .startsWith("resources.admin.paths[1]: \"/console/*\"")
                .contains("write \"/console/**\"", "\"/exact\" (that path only)");
    }

    @Test
    void pathsMustBeAListOfStrings() {
        String yaml = BASE + """
                resources:
                  admin:
                    paths: "/admin/**"
                """;
        ConfigurationException e =
                catchThrowableOfType(ConfigurationException.class, () -> KeyfenceConfig.parse(yaml, Path.of(".")));
        assertThat(e.setting()).isEqualTo("resources.admin.paths");
    }
}
