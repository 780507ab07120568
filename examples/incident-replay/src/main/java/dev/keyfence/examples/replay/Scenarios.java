package dev.keyfence.examples.replay;

import static dev.keyfence.examples.replay.IncidentIdentityProvider.ATTACKER_TENANT;
import static dev.keyfence.examples.replay.IncidentIdentityProvider.CONSUMER_2016;
import static dev.keyfence.examples.replay.IncidentIdentityProvider.CONSUMER_CURRENT;
import static dev.keyfence.examples.replay.IncidentIdentityProvider.CONTOSO_TENANT;
import static dev.keyfence.examples.replay.IncidentIdentityProvider.ENTERPRISE_CURRENT;
import static dev.keyfence.examples.replay.IncidentIdentityProvider.ENTERPRISE_REVOKED;
import static dev.keyfence.examples.replay.IncidentIdentityProvider.ENTERPRISE_ROTATED;

import dev.keyfence.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** The replay's timeline: every row, in the order it is played, with its expected outcome. */
public final class Scenarios {

    /** The day of the replay. */
    public static final Instant DAY = Instant.parse("2023-05-15T09:00:00Z");

    /** The mail API: serves consumer and enterprise mailboxes (resource {@code mail}, both key scopes). */
    public static final String MAIL = "/api/me";
    /** The tenant admin API: enterprise only (resource profile {@code tenant-admin}, enterprise keys only). */
    public static final String ADMIN = "/api/admin/me";

    private static final Consumer<IncidentIdentityProvider> NOTHING = idp -> {};

    private Scenarios() {}

    /** @return the rows, in timeline order */
    public static List<Scenario> all() {
        return List.of(
                row(
                        "legit-enterprise",
                        "legitimate enterprise token",
                        "A Contoso user calls the mail API with a token from the enterprise issuer, signed with the"
                                + " current enterprise key.",
                        0,
                        null,
                        (idp, now) -> idp.enterpriseToken(CONTOSO_TENANT, now).signedWith(ENTERPRISE_CURRENT.key())),
                row(
                        "legit-consumer",
                        "legitimate consumer token",
                        "A consumer-account user calls the same API (it serves consumer and enterprise mailboxes, as"
                                + " Outlook on the web did) with a consumer token signed with the current consumer key.",
                        1,
                        null,
                        (idp, now) -> idp.consumerToken(now).signedWith(CONSUMER_CURRENT.key())),
                row(
                        "legit-enterprise-admin",
                        "legitimate enterprise token, enterprise-only API",
                        "A Contoso administrator calls the tenant admin API, which accepts enterprise keys only, with"
                                + " a token signed with the current enterprise key.",
                        2,
                        ADMIN,
                        null,
                        (idp, now) -> idp.enterpriseToken(CONTOSO_TENANT, now).signedWith(ENTERPRISE_CURRENT.key())),
                row(
                        "forgery-2023",
                        "2023 forgery: expired consumer key, enterprise tenant",
                        "The attacker holds the consumer key whose certificate expired on 2021-04-01 and signs a token"
                                + " naming Contoso as issuer and tenant. The signature verifies against the common endpoint.",
                        3,
                        Reason.KEY_EXPIRED,
                        (idp, now) -> idp.enterpriseToken(CONTOSO_TENANT, now).signedWith(CONSUMER_2016.key())),
                row(
                        "consumer-key-enterprise",
                        "current consumer key for an enterprise tenant",
                        "The same forgery with the current consumer key: the key's issuer member names the consumer"
                                + " issuer, not Contoso.",
                        4,
                        Reason.KEY_ISSUER_MISMATCH,
                        (idp, now) -> idp.enterpriseToken(CONTOSO_TENANT, now).signedWith(CONSUMER_CURRENT.key())),
                row(
                        "consumer-token-admin",
                        "consumer token at the enterprise-only API",
                        "A genuine consumer token, consumer issuer and consumer key, sent to the tenant admin API."
                                + " The common setup's tid check stops it; Keyfence refuses the consumer key itself.",
                        5,
                        ADMIN,
                        Reason.KEY_SCOPE_NOT_ACCEPTED,
                        (idp, now) -> idp.consumerToken(now).signedWith(CONSUMER_CURRENT.key())),
                row(
                        "forgery-2023-admin",
                        "2023 forgery at the enterprise-only API",
                        "The 2023 forgery (Contoso issuer and tenant, consumer key " + CONSUMER_2016.kid() + ", which"
                                + " carries no issuer member) at the tenant admin API. The consumer endpoint publishes the"
                                + " key, so it is a consumer key, whatever the token's claims say.",
                        6,
                        ADMIN,
                        Reason.KEY_SCOPE_NOT_ACCEPTED,
                        (idp, now) -> idp.enterpriseToken(CONTOSO_TENANT, now).signedWith(CONSUMER_2016.key())),
                row(
                        "cross-tenant",
                        "cross-tenant: iss/tid of the attacker's own tenant",
                        "A genuine token, signed by the identity provider, for a tenant the attacker registered. A"
                                + " multi-tenant app that only checks the login host accepts any tenant.",
                        7,
                        Reason.TENANT_NOT_ALLOWED,
                        (idp, now) -> idp.enterpriseToken(ATTACKER_TENANT, now).signedWith(ENTERPRISE_CURRENT.key())),
                new Scenario(
                        "rotated-key",
                        "rotated-out key",
                        "The identity provider removes key " + ENTERPRISE_ROTATED.kid() + " from the common endpoint at"
                                + " 09:10; at 09:15 a token signed with it arrives.",
                        DAY.plus(Duration.ofMinutes(15)),
                        MAIL,
                        Optional.of(Reason.KEY_RETIRED),
                        IncidentIdentityProvider::rotateOut,
                        (idp, now) -> idp.enterpriseToken(CONTOSO_TENANT, now).signedWith(ENTERPRISE_ROTATED.key())),
                row(
                        "revoked-key",
                        "revoked key (keys.revoked kid:" + ENTERPRISE_REVOKED.kid() + ")",
                        "Key " + ENTERPRISE_REVOKED.kid() + " leaked; the operator revoked it in the policy while the"
                                + " identity provider still publishes it.",
                        16,
                        Reason.KEY_REVOKED,
                        (idp, now) -> idp.enterpriseToken(CONTOSO_TENANT, now).signedWith(ENTERPRISE_REVOKED.key())),
                row(
                        "alg-none",
                        "alg none",
                        "An unsigned token with alg none.",
                        17,
                        Reason.ALGORITHM_NOT_ALLOWED,
                        (idp, now) -> idp.enterpriseToken(CONTOSO_TENANT, now).unsigned()),
                row(
                        "hs256-public-key",
                        "HS256 keyed with the public key",
                        "Algorithm confusion: HMAC-SHA256 keyed with the enterprise key's public PEM.",
                        18,
                        Reason.ALGORITHM_NOT_ALLOWED,
                        (idp, now) -> idp.enterpriseToken(CONTOSO_TENANT, now)
                                .alg("HS256")
                                .kid(ENTERPRISE_CURRENT.kid())
                                .signedWithHmacSecret(
                                        ENTERPRISE_CURRENT.key().publicKeyPem().getBytes(StandardCharsets.US_ASCII))),
                row(
                        "jku-injection",
                        "jku injection",
                        "The token points jku at the attacker's site and is signed with the attacker's key.",
                        19,
                        Reason.HEADER_NOT_ALLOWED,
                        (idp, now) -> idp.enterpriseToken(CONTOSO_TENANT, now)
                                .header("jku", idp.attackerKeys().toString())
                                .signedWith(IncidentIdentityProvider.attackerKey())),
                row(
                        "expired-token",
                        "expired token",
                        "A genuine token that expired at 08:10, replayed at 09:20.",
                        20,
                        Reason.TOKEN_EXPIRED,
                        (idp, now) -> idp.enterpriseToken(CONTOSO_TENANT, DAY.minus(Duration.ofMinutes(60)))
                                .signedWith(ENTERPRISE_CURRENT.key())));
    }

    private static Scenario row(
            String id,
            String attack,
            String story,
            int minutesAfterNine,
            Reason expected,
            BiFunction<IncidentIdentityProvider, Instant, String> token) {
        return row(id, attack, story, minutesAfterNine, MAIL, expected, token);
    }

    private static Scenario row(
            String id,
            String attack,
            String story,
            int minutesAfterNine,
            String path,
            Reason expected,
            BiFunction<IncidentIdentityProvider, Instant, String> token) {
        return new Scenario(
                id,
                attack,
                story,
                DAY.plus(Duration.ofMinutes(minutesAfterNine)),
                path,
                Optional.ofNullable(expected),
                NOTHING,
                token);
    }
}
