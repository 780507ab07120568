package dev.keyfence.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * An issuer's error is named at the property of the issuer it is about, found by the issuer's
 * position that core reports, never by comparing issuer names: issuers whose names or
 * {@code issuer} values collide with another issuer's label get their errors at their own index.
 */
class IssuerPropertyNamesTest {
    private static final String TEMPLATE = "https://login.example.test/{tenantid}/v2.0";

    @Test
    void aSecondIssuerWithTheSameIssuerIsNamedAtItsOwnIndexNotAtTheIssuerItRepeats() {
        // the second issuer has no name, so core labels it with its issuer, which is also the first's issuer
        Map<String, Object> p = base();
        issuer(p, 0, "contoso", "https://login.example.test/9188/v2.0");
        issuer(p, 1, null, "https://login.example.test/9188/v2.0");

        KeyfencePropertyException e = failure(p);

        assertThat(e.property()).isEqualTo("keyfence.issuers[1].issuer");
        assertThat(e.getMessage()).contains("configured twice");
    }

    @Test
    void aDuplicateNameIsNamedAtTheIssuerThatRepeatsIt() {
        // "contoso-eu" is issuer 1's name and issuer 2 repeats it; "contoso" is a prefix of both
        Map<String, Object> p = base();
        issuer(p, 0, "contoso", TEMPLATE);
        issuer(p, 1, "contoso-eu", "https://login.example.test/eu/v2.0");
        issuer(p, 2, "contoso-eu", "https://login.example.test/eu2/v2.0");

        KeyfencePropertyException e = failure(p);

        assertThat(e.property()).isEqualTo("keyfence.issuers[2].name");
        assertThat(e.getMessage()).contains("used by two issuers");
    }

    @Test
    void anIssuerNamedLikeAnotherIssuersIndexIsNamedAtItsOwnIndex() {
        // issuer 1 is named "0": its duplicate issuer value must not be reported at keyfence.issuers[0]
        Map<String, Object> p = base();
        issuer(p, 0, "a", "https://login.example.test/one/v2.0");
        issuer(p, 1, "0", "https://login.example.test/one/v2.0");

        KeyfencePropertyException e = failure(p);

        assertThat(e.property()).isEqualTo("keyfence.issuers[1].issuer");
    }

    @Test
    void anIssuerBuilderErrorIsNamedAtTheIndexItWasReadFrom() {
        // tenants on an exact issuer; the first issuer's name is the prefix of the second's
        Map<String, Object> p = base();
        issuer(p, 0, "contoso", "https://login.example.test/one/v2.0");
        issuer(p, 1, "contoso-eu", "https://login.example.test/eu/v2.0");
        p.put("keyfence.issuers[1].tenants", "tid-a");

        KeyfencePropertyException e = failure(p);

        assertThat(e.property()).isEqualTo("keyfence.issuers[1].tenants");
        assertThat(e.getMessage()).contains("only for an issuer with {tenantid}");
    }

    private static Map<String, Object> base() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("keyfence.resource.audiences", "api://mail");
        p.put("keyfence.resource.accepted-key-scopes", "enterprise");
        return p;
    }

    private static void issuer(Map<String, Object> p, int index, @Nullable String name, String issuer) {
        String at = "keyfence.issuers[" + index + "].";
        if (name != null) {
            p.put(at + "name", name);
        }
        p.put(at + "issuer", issuer);
        p.put(at + "jwks-uri", "https://login.example.test/" + index + "/keys");
        p.put(at + "key-scope", "enterprise");
        if (issuer.contains("{tenantid}")) {
            p.put(at + "tenants", "tid-a");
        }
    }

    private static KeyfencePropertyException failure(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        KeyfencePropertyException e =
                catchThrowableOfType(KeyfencePropertyException.class, () -> KeyfenceConfigLoader.load(environment));
        assertThat(e).as("the configuration is refused").isNotNull();
        return e;
    }
}
