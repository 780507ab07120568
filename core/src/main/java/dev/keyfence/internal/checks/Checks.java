package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The standard checks, one per {@link Control}, in the order {@link Control} declares: that
 * declaration is the only place the evaluation order is written.
 */
public final class Checks {
    private static final List<Check> ALL = Arrays.stream(Control.values())
            .map(Checks::checkOf)
            .flatMap(Optional::stream)
            .toList();

    private Checks() {}

    /**
     * The check implementing {@code control}; empty only for {@link Control#TOKEN_SHAPE}, which
     * parsing enforces before any check runs. The switch is exhaustive, so a new control without a
     * check does not compile.
     */
    static Optional<Check> checkOf(Control control) {
        return Optional.ofNullable(
                switch (control) {
                    case TOKEN_SHAPE -> null;
                    case TOKEN_TYPE -> new TypeCheck();
                    case ALGORITHM -> new AlgorithmCheck();
                    case HEADER -> new HeaderCheck();
                    case ISSUER -> new IssuerCheck();
                    case TENANT -> new TenantCheck();
                    case KEY_LOOKUP -> new KeyLookupCheck();
                    case KEY_ISSUER_BINDING -> new KeyIssuerCheck();
                    case KEY_SCOPE -> new KeyScopeCheck();
                    case KEY_REVOCATION -> new KeyRevocationCheck();
                    case KEY_VALIDITY_WINDOW -> new KeyWindowCheck();
                    case KEY_MAX_AGE -> new KeyAgeCheck();
                    case KEY_RETIREMENT -> new KeyRetirementCheck();
                    case KEY_STRENGTH -> new KeyStrengthCheck();
                    case SIGNATURE -> new SignatureCheck();
                    case TOKEN_EXPIRY -> new TokenExpiryCheck();
                    case TOKEN_NOT_BEFORE -> new TokenNotBeforeCheck();
                    case TOKEN_ISSUED_AT -> new TokenIssuedAtCheck();
                    case TOKEN_LIFETIME -> new TokenLifetimeCheck();
                    case TOKEN_IN_KEY_WINDOW -> new TokenInKeyWindowCheck();
                    case AUDIENCE -> new AudienceCheck();
                    case REQUIRED_CLAIMS -> new RequiredClaimsCheck();
                    case CLAIM_TYPES -> new ClaimTypesCheck();
                    case TOKEN_BINDING -> new TokenBindingCheck();
                });
    }

    /** Every check, in evaluation order. */
    public static List<Check> all() {
        return ALL;
    }

    /** The checks of the given controls, in evaluation order (token shape is always checked by parsing). */
    public static List<Check> only(Set<Control> controls) {
        return ALL.stream().filter(c -> controls.contains(c.control())).toList();
    }
}
