package dev.keyfence.internal.checks;

import dev.keyfence.Control;
import java.util.List;
import java.util.Set;

/** The standard checks in the contract's order. */
public final class Checks {
    private static final List<Check> ALL = List.of(
            new TypeCheck(), new AlgorithmCheck(), new HeaderCheck(), new IssuerCheck(), new TenantCheck(),
            new KeyLookupCheck(), new KeyIssuerCheck(), new KeyScopeCheck(), new KeyRevocationCheck(),
            new KeyWindowCheck(), new KeyAgeCheck(), new KeyRetirementCheck(), new KeyStrengthCheck(),
            new SignatureCheck(), new TokenExpiryCheck(), new TokenNotBeforeCheck(), new TokenIssuedAtCheck(),
            new TokenLifetimeCheck(), new TokenInKeyWindowCheck(), new AudienceCheck(), new RequiredClaimsCheck(),
            new ClaimTypesCheck(), new TokenBindingCheck());

    private Checks() {
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
