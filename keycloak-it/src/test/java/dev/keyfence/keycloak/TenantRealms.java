package dev.keyfence.keycloak;

/**
 * The Keyfence scenario's realms on one Keycloak: two enterprise tenants ({@code tenant-a},
 * {@code tenant-b}) and one consumer realm ({@code consumers}), each with a service client whose
 * access tokens carry {@code tid} = the realm name and {@code aud} = {@link #AUDIENCE}.
 */
record TenantRealms(
        KeycloakAdmin admin,
        KeycloakAdmin.ServiceClient tenantA,
        KeycloakAdmin.ServiceClient tenantB,
        KeycloakAdmin.ServiceClient consumers) {

    static final String TENANT_A = "tenant-a";
    static final String TENANT_B = "tenant-b";
    static final String CONSUMERS = "consumers";
    static final String AUDIENCE = "api://mail";
    static final String CLIENT_ID = "mail-client";

    /** Creates the three realms and their clients (about 15 admin round trips). */
    static TenantRealms create(KeycloakAdmin admin) {
        return new TenantRealms(
                admin,
                realmWithClient(admin, TENANT_A),
                realmWithClient(admin, TENANT_B),
                realmWithClient(admin, CONSUMERS));
    }

    private static KeycloakAdmin.ServiceClient realmWithClient(KeycloakAdmin admin, String realm) {
        admin.createRealm(realm);
        return admin.createServiceClient(realm, CLIENT_ID, realm, AUDIENCE);
    }

    /** {@code http://127.0.0.1:PORT}: the issuers' common prefix. */
    String base() {
        return admin.baseUri().toString();
    }

    /** A fresh client-credentials access token of {@code client}'s realm. */
    String token(KeycloakAdmin.ServiceClient client) {
        return admin.clientCredentialsToken(client);
    }
}
