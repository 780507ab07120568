package dev.keyfence.benchmarks;

import dev.keyfence.JwksSettings;
import dev.keyfence.KeySource;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.ValidationPolicy;
import dev.keyfence.testkit.JwkSet;
import dev.keyfence.testkit.JwksServer;
import dev.keyfence.testkit.TestKey;
import dev.keyfence.testkit.Tokens;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the retained heap of one validator tracking {@code tenants} per-tenant key sources of
 * two keys each ({@code jwks-uri} with {@code {tenantid}}), after one validated token per tenant.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar dev.keyfence.benchmarks.HeapFootprint [tenants]}.
 */
public final class HeapFootprint {
    private HeapFootprint() {}

    public static void main(String[] args) {
        int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        System.out.printf("retained heap for %d tenants x 2 keys: %.1f MB%n", tenants, measure(tenants) / 1e6);
    }

    /** Bytes retained by a validator holding the keys of {@code tenants} tenants. */
    public static long measure(int tenants) {
        TestKey a = TestKey.rsa("tenant-key-1");
        TestKey b = TestKey.rsa("tenant-key-2");
        String set = JwkSet.of(a, b).toJson();
        try (JwksServer server = JwksServer.start()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < tenants; i++) {
                String t = "tenant-" + i;
                names.add(t);
                server.serve("/" + t + "/keys", set);
            }
            String issuer = "https://login.example.test/{tenantid}/v2.0";
            long before = usedAfterGc();
            TokenValidator validator = TokenValidator.create(ValidationPolicy.builder()
                    .issuer(TrustedIssuer.builder()
                            .name("multi")
                            .issuer(issuer)
                            .keySource(KeySource.jwksUri("http://127.0.0.1:" + server.port() + "/{tenantid}/keys"))
                            .keyScope("enterprise")
                            .tenants("*")
                            .build())
                    .resource(ResourcePolicy.builder()
                            .audiences("api://heap")
                            .acceptedKeyScopes("enterprise")
                            .build())
                    .jwks(JwksSettings.builder().allowHttpLoopback(true).build())
                    .verifiedTokenCache(0)
                    .build());
            Instant now = Instant.now();
            for (String t : names) {
                String token = Tokens.accessToken(issuer.replace("{tenantid}", t), "api://heap", now)
                        .tenant(t)
                        .signedWith(a);
                if (!validator.validate(token).valid()) {
                    throw new IllegalStateException("token of " + t + " rejected");
                }
            }
            long after = usedAfterGc();
            if (validator.keyStatuses().size() != 2 * tenants) {
                throw new IllegalStateException("expected " + 2 * tenants + " keys tracked");
            }
            return after - before;
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
