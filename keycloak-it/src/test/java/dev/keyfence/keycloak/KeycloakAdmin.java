package dev.keyfence.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small client for the Keycloak admin REST API and token endpoint: just what the Keyfence
 * scenarios need (realms, service-account clients with {@code tid} and {@code aud} mappers,
 * client-credentials tokens, key providers for rotation). Thread-safe.
 *
 * <p>Every method throws {@link KeycloakAdminException} when Keycloak answers with an unexpected
 * status; the exception carries the status and Keycloak's response body.
 */
public final class KeycloakAdmin {

    /** Component type of realm key providers. */
    public static final String KEY_PROVIDER_TYPE = "org.keycloak.keys.KeyProvider";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Generous: creating a realm (key generation, many inserts) took over 30 s on 2 cores at load 24. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final URI baseUri;
    private final String username;
    private final String password;
    private final HttpClient http;
    private String token;
    private Instant tokenRefreshAt = Instant.MIN;

    /**
     * @param baseUri  Keycloak root, e.g. {@code http://127.0.0.1:8080} (no {@code /auth} suffix)
     * @param username a master-realm admin
     * @param password its password
     */
    public KeycloakAdmin(URI baseUri, String username, String password) {
        String base = baseUri.toString();
        this.baseUri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.username = username;
        this.password = password;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    // ---------------------------------------------------------------- endpoints

    public URI baseUri() {
        return baseUri;
    }

    /** The {@code iss} of the realm's tokens: {@code <base>/realms/<realm>}. */
    public String issuer(String realm) {
        return baseUri + "/realms/" + realm;
    }

    public URI tokenEndpoint(String realm) {
        return URI.create(issuer(realm) + "/protocol/openid-connect/token");
    }

    public URI jwksUri(String realm) {
        return URI.create(issuer(realm) + "/protocol/openid-connect/certs");
    }

    public URI discoveryUri(String realm) {
        return URI.create(issuer(realm) + "/.well-known/openid-configuration");
    }

    // ---------------------------------------------------------------- admin token

    /** A master-realm admin token (admin-cli, password grant), renewed shortly before it expires. */
    public synchronized String adminToken() {
        if (token == null || Instant.now().isAfter(tokenRefreshAt)) {
            JsonNode response = postForm(
                    tokenEndpoint("master"),
                    Map.of(
                            "grant_type",
                            "password",
                            "client_id",
                            "admin-cli",
                            "username",
                            username,
                            "password",
                            password));
            token = response.path("access_token").asString();
            long lifetime = response.path("expires_in").asLong(60);
            tokenRefreshAt = Instant.now().plusSeconds(Math.max(1, lifetime - 15));
        }
        return token;
    }

    // ---------------------------------------------------------------- realms

    /** Creates an enabled realm with Keycloak's default keys (RS256, RSA-OAEP, HS512, AES). */
    public void createRealm(String realm) {
        ObjectNode body = JSON.createObjectNode().put("realm", realm).put("enabled", true);
        send("POST", "/admin/realms", body, 201);
    }

    /** Deletes a realm; a realm that does not exist is not an error. */
    public void deleteRealm(String realm) {
        send("DELETE", "/admin/realms/" + realm, null, 204, 404);
    }

    public boolean realmExists(String realm) {
        return send("GET", "/admin/realms/" + realm, null, 200, 404).statusCode() == 200;
    }

    /** The realm's internal id (the {@code parentId} of its components). */
    public String realmId(String realm) {
        return json(send("GET", "/admin/realms/" + realm, null, 200)).path("id").asString();
    }

    // ---------------------------------------------------------------- clients

    /**
     * Creates a confidential client with only the client-credentials grant (service account),
     * and returns it with its generated secret.
     */
    public ServiceClient createServiceClient(String realm, String clientId) {
        ObjectNode body = JSON.createObjectNode()
                .put("clientId", clientId)
                .put("enabled", true)
                .put("protocol", "openid-connect")
                .put("publicClient", false)
                .put("clientAuthenticatorType", "client-secret")
                .put("serviceAccountsEnabled", true)
                .put("standardFlowEnabled", false)
                .put("implicitFlowEnabled", false)
                .put("directAccessGrantsEnabled", false);
        String id = createdId(send("POST", "/admin/realms/" + realm + "/clients", body, 201));
        String secret = json(send("GET", "/admin/realms/" + realm + "/clients/" + id + "/client-secret", null, 200))
                .path("value")
                .asString();
        return new ServiceClient(realm, clientId, id, secret);
    }

    /**
     * Creates a service client whose access tokens carry {@code tid = tenantId} and
     * {@code aud} containing {@code audience}.
     */
    public ServiceClient createServiceClient(String realm, String clientId, String tenantId, String audience) {
        ServiceClient client = createServiceClient(realm, clientId);
        addHardcodedClaim(client, "tid", tenantId);
        addAudience(client, audience);
        return client;
    }

    /** Adds a hardcoded string claim to the client's access tokens (and introspection), not ID tokens. */
    public void addHardcodedClaim(ServiceClient client, String claim, String value) {
        ObjectNode mapper = protocolMapper(claim + "-claim", "oidc-hardcoded-claim-mapper");
        ((ObjectNode) mapper.get("config"))
                .put("claim.name", claim)
                .put("claim.value", value)
                .put("jsonType.label", "String");
        send("POST", clientPath(client) + "/protocol-mappers/models", mapper, 201);
    }

    /** Adds {@code audience} to the {@code aud} claim of the client's access tokens. */
    public void addAudience(ServiceClient client, String audience) {
        ObjectNode mapper = protocolMapper("aud-" + audience.replaceAll("[^A-Za-z0-9]+", "-"), "oidc-audience-mapper");
        ((ObjectNode) mapper.get("config")).put("included.custom.audience", audience);
        send("POST", clientPath(client) + "/protocol-mappers/models", mapper, 201);
    }

    private static ObjectNode protocolMapper(String name, String type) {
        ObjectNode mapper = JSON.createObjectNode()
                .put("name", name)
                .put("protocol", "openid-connect")
                .put("protocolMapper", type);
        mapper.putObject("config")
                .put("access.token.claim", "true")
                .put("introspection.token.claim", "true")
                .put("id.token.claim", "false")
                .put("userinfo.token.claim", "false");
        return mapper;
    }

    private static String clientPath(ServiceClient client) {
        return "/admin/realms/" + client.realm() + "/clients/" + client.id();
    }

    // ---------------------------------------------------------------- tokens

    /** An access token for the client, from the realm's token endpoint (client-credentials grant). */
    public String clientCredentialsToken(ServiceClient client) {
        return postForm(
                        tokenEndpoint(client.realm()),
                        Map.of(
                                "grant_type", "client_credentials",
                                "client_id", client.clientId(),
                                "client_secret", client.secret()))
                .path("access_token")
                .asString();
    }

    // ---------------------------------------------------------------- keys

    /** The realm's public JWKS, as served to relying parties. */
    public JsonNode jwks(String realm) {
        return json(get(jwksUri(realm), false));
    }

    /** The realm's keys as the admin API lists them ({@code GET /admin/realms/R/keys}). */
    public List<RealmKey> keys(String realm) {
        JsonNode keys =
                json(send("GET", "/admin/realms/" + realm + "/keys", null, 200)).path("keys");
        List<RealmKey> result = new ArrayList<>();
        for (JsonNode key : keys.values()) {
            result.add(new RealmKey(
                    key.path("providerId").asString(),
                    key.path("kid").asString(),
                    key.path("type").asString(),
                    key.path("algorithm").asString(),
                    key.path("use").asString(),
                    key.path("status").asString(),
                    key.path("providerPriority").asLong(),
                    key.has("validTo")
                            ? Optional.of(
                                    Instant.ofEpochMilli(key.get("validTo").asLong()))
                            : Optional.empty(),
                    key.path("certificate").asString(null)));
        }
        return result;
    }

    /** The kid Keycloak signs with now for {@code algorithm} (e.g. {@code RS256}). */
    public String activeKid(String realm, String algorithm) {
        JsonNode active =
                json(send("GET", "/admin/realms/" + realm + "/keys", null, 200)).path("active");
        String kid = active.path(algorithm).asString(null);
        if (kid == null) {
            throw new KeycloakAdminException("no active " + algorithm + " key in realm " + realm);
        }
        return kid;
    }

    /** The kid of the key a provider component holds (first one if it holds several). */
    public String kidOf(String realm, String componentId) {
        return keys(realm).stream()
                .filter(k -> k.providerId().equals(componentId))
                .map(RealmKey::kid)
                .findFirst()
                .orElseThrow(() ->
                        new KeycloakAdminException("no key from component " + componentId + " in realm " + realm));
    }

    /** The realm's key provider components, id to {@code name}. */
    public Map<String, String> keyProviders(String realm) {
        JsonNode components =
                json(send("GET", "/admin/realms/" + realm + "/components?type=" + KEY_PROVIDER_TYPE, null, 200));
        Map<String, String> result = new LinkedHashMap<>();
        for (JsonNode c : components.values()) {
            result.put(c.path("id").asString(), c.path("name").asString());
        }
        return result;
    }

    /**
     * Adds a generated 2048-bit RS256 key ({@code rsa-generated} provider); with the highest
     * priority among active keys it becomes the signing key at once.
     *
     * @return the component id
     */
    public String addGeneratedRsaKey(String realm, String name, int priority) {
        ObjectNode body = keyProvider(name, "rsa-generated", priority, true);
        ((ObjectNode) body.get("config")).putArray("keySize").add("2048");
        return createdId(send("POST", "/admin/realms/" + realm + "/components", body, 201));
    }

    /**
     * Imports an RS256 key pair with its certificate ({@code rsa} provider). Keycloak publishes the
     * certificate as {@code x5c} and the certificate's notAfter as the key's {@code validTo}; it
     * refuses a certificate that has already expired.
     *
     * @param privateKeyPem PKCS#8 {@code -----BEGIN PRIVATE KEY-----} (or PKCS#1) PEM
     * @param certificatePem {@code -----BEGIN CERTIFICATE-----} PEM
     * @return the component id
     */
    public String importRsaKey(
            String realm, String name, int priority, boolean active, String privateKeyPem, String certificatePem) {
        ObjectNode body = keyProvider(name, "rsa", priority, active);
        ObjectNode config = (ObjectNode) body.get("config");
        config.putArray("privateKey").add(privateKeyPem);
        config.putArray("certificate").add(certificatePem);
        return createdId(send("POST", "/admin/realms/" + realm + "/components", body, 201));
    }

    private static ObjectNode keyProvider(String name, String providerId, int priority, boolean active) {
        ObjectNode body = JSON.createObjectNode()
                .put("name", name)
                .put("providerId", providerId)
                .put("providerType", KEY_PROVIDER_TYPE);
        // parentId omitted: Keycloak defaults it to the realm's id
        ObjectNode config = body.putObject("config");
        config.putArray("priority").add(Integer.toString(priority));
        config.putArray("enabled").add("true");
        config.putArray("active").add(Boolean.toString(active));
        config.putArray("algorithm").add("RS256");
        return body;
    }

    /**
     * Makes a key provider active (signs) or passive (still published in the JWKS, verifies only).
     * The component is read and written back whole; its key material is kept.
     */
    public void setKeyActive(String realm, String componentId, boolean active) {
        updateComponentConfig(realm, componentId, "active", Boolean.toString(active));
    }

    /** Enables or disables a key provider; a disabled key leaves the JWKS. */
    public void setKeyEnabled(String realm, String componentId, boolean enabled) {
        updateComponentConfig(realm, componentId, "enabled", Boolean.toString(enabled));
    }

    private void updateComponentConfig(String realm, String componentId, String key, String value) {
        String path = "/admin/realms/" + realm + "/components/" + componentId;
        ObjectNode component = (ObjectNode) json(send("GET", path, null, 200));
        ((ObjectNode) component.get("config")).putArray(key).add(value);
        send("PUT", path, component, 204);
    }

    /** Deletes a component (e.g. a key provider: its key leaves the JWKS at once). */
    public void deleteComponent(String realm, String componentId) {
        send("DELETE", "/admin/realms/" + realm + "/components/" + componentId, null, 204);
    }

    /**
     * Rotates the realm's RS256 signing key: adds a generated key above every existing priority
     * and makes the RS256 providers that were active passive (their keys stay in the JWKS).
     */
    public RotatedKey rotateSigningKey(String realm) {
        List<RealmKey> before = keys(realm);
        long maxPriority = before.stream().mapToLong(RealmKey::priority).max().orElse(100);
        List<String> previouslyActive = before.stream()
                .filter(k -> "RS256".equals(k.algorithm()) && "ACTIVE".equals(k.status()))
                .map(RealmKey::providerId)
                .distinct()
                .collect(Collectors.toList());
        String componentId = addGeneratedRsaKey(
                realm, "rsa-rotated-" + System.nanoTime(), (int) Math.min(Integer.MAX_VALUE, maxPriority + 10));
        for (String old : previouslyActive) {
            setKeyActive(realm, old, false);
        }
        return new RotatedKey(componentId, kidOf(realm, componentId), previouslyActive);
    }

    // ---------------------------------------------------------------- HTTP

    private HttpResponse<String> send(String method, String path, JsonNode body, int... expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + adminToken())
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return expect(method + " " + path, execute(request.build()), expected);
    }

    private HttpResponse<String> get(URI uri, boolean authenticated) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
        if (authenticated) {
            request.header("Authorization", "Bearer " + adminToken());
        }
        return expect("GET " + uri.getPath(), execute(request.build()), 200);
    }

    private JsonNode postForm(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return json(expect("POST " + uri.getPath(), execute(request), 200));
    }

    private HttpResponse<String> execute(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeycloakAdminException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakAdminException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    private static HttpResponse<String> expect(String what, HttpResponse<String> response, int... expected) {
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw new KeycloakAdminException(what, response.statusCode(), response.body());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String createdId(HttpResponse<String> response) {
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new KeycloakAdminException("201 without Location header"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    // ---------------------------------------------------------------- value types

    /** A confidential client; {@code id} is Keycloak's internal UUID, {@code clientId} the OAuth one. */
    public record ServiceClient(String realm, String clientId, String id, String secret) {
        @Override
        public String toString() {
            return "ServiceClient[" + realm + "/" + clientId + "]"; // never the secret
        }
    }

    /**
     * One entry of {@code GET /admin/realms/R/keys}.
     *
     * @param providerId  the key provider component's id
     * @param type        {@code RSA}, {@code OCT}, {@code EC}, ...
     * @param use         {@code SIG} or {@code ENC}
     * @param status      {@code ACTIVE}, {@code PASSIVE} or {@code DISABLED}
     * @param validTo     the certificate's notAfter, for keys that have one
     * @param certificate base64 DER certificate, for keys that have one
     */
    public record RealmKey(
            String providerId,
            String kid,
            String type,
            String algorithm,
            String use,
            String status,
            long priority,
            Optional<Instant> validTo,
            String certificate) {}

    /** The outcome of {@link #rotateSigningKey}: the new provider and kid, and the providers made passive. */
    public record RotatedKey(String componentId, String kid, List<String> passivatedComponentIds) {}
}
