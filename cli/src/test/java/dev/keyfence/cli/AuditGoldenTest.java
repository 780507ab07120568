package dev.keyfence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit} output pinned byte for byte: users script against the JSON (CONTRACT.md section 3),
 * so every member name and value stays as it is; only additions may change these files. The input
 * is fixed: Entra ID's October 2024 key set read from a file, on a fixed {@code --now}.
 */
class AuditGoldenTest {
    static final String NOW = "2025-11-01T00:00:00Z";

    @TempDir
    Path dir;

    Path config;

    @BeforeEach
    void write() throws IOException {
        try (InputStream keys = resource("entra-jwks.json")) {
            Files.copy(keys, dir.resolve("keys.json"));
        }
        config = Files.writeString(dir.resolve("keyfence.yaml"), """
                issuers:
                  - name: entra
                    issuer: "https://login.microsoftonline.com/{tenantid}/v2.0"
                    jwks-file: keys.json
                    key-scope: enterprise
                    tenants: ["*"]
                  - name: consumer
                    issuer: "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0"
                    jwks-file: keys.json
                    key-scope: consumer
                    algorithms: [RS256, HS256]
                  - name: gone
                    issuer: "https://gone.example.test"
                    jwks-file: missing.json
                    key-scope: enterprise
                resource:
                  audiences: ["api://mail"]
                  accepted-key-scopes: [enterprise]
                  clock-skew: PT3M
                """);
    }

    @Test
    void jsonIsUnchanged() throws IOException {
        CliRun run = CliRun.run("audit", "--config", config.toString(), "--now", NOW, "--format", "json");

        assertThat(run.status()).as(run.err()).isEqualTo(1);
        assertMatches(stable(run.out()), "golden.json");
    }

    @Test
    void textIsUnchanged() throws IOException {
        CliRun run = CliRun.run("audit", "--config", config.toString(), "--now", NOW);

        assertThat(run.status()).as(run.err()).isEqualTo(1);
        assertMatches(stable(run.out()), "golden.txt");
    }

    /** The output with the temporary directory named {@code DIR}. */
    private String stable(String out) {
        return out.replace(dir.toString(), "DIR");
    }

    /**
     * Compares with the pinned file; on a difference, the actual output is left in
     * {@code target/audit-golden/NAME} for review (copy it over the pinned file only for an addition).
     */
    private static void assertMatches(String actual, String name) throws IOException {
        String expected = expected(name);
        if (!actual.equals(expected)) {
            Path out = Path.of("target", "audit-golden", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = AuditGoldenTest.class.getResourceAsStream("/audit/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
