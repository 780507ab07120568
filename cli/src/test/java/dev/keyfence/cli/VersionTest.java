package dev.keyfence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --version} prints the version the build wrote, never a placeholder. */
class VersionTest {
    @Test
    void versionComesFromTheBuild() {
        CliRun run = CliRun.run("--version");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().strip())
                .matches("keyfence \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?")
                .doesNotContain("${")
                .doesNotContain("development");
    }
}
