package dev.keyfence.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyfence.Credential;
import java.util.List;
import org.junit.jupiter.api.Test;

class BearerExtractorTest {
    private final BearerExtractor strict = new BearerExtractor(false, true);
    private final BearerExtractor withQuery = new BearerExtractor(true, true);

    private static Credential.Present present(String token) {
        return new Credential.Present(token, false);
    }

    @Test
    void takesTokenFromAuthorizationHeaderWithAnySchemeCase() {
        assertThat(strict.extract(List.of("Bearer abc.def-_~+/.g=="), "", List.of()))
                .isEqualTo(present("abc.def-_~+/.g=="));
        assertThat(strict.extract(List.of("BEARER abc"), "", List.of())).isEqualTo(present("abc"));
        assertThat(strict.extract(List.of("bearer   abc \t"), "", List.of())).isEqualTo(present("abc"));
    }

    @Test
    void findsNothingWithoutHeaderOrWithAnotherScheme() {
        assertThat(strict.extract(List.of(), "", List.of())).isInstanceOf(Credential.Absent.class);
        assertThat(strict.extract(List.of("Basic YTpi"), "", List.of())).isInstanceOf(Credential.Absent.class);
        assertThat(strict.extract(List.of("Bearerish abc"), "", List.of())).isInstanceOf(Credential.Absent.class);
    }

    @Test
    void refusesMalformedHeaders() {
        for (String h : List.of(
                "",
                "  ",
                "Bearer",
                "Bearer ",
                "Bearer a b",
                "Bearer a=b",
                "Bearer a,b",
                "Bearer \"a\"",
                " Bearer",
                "Bearer a\u00e9")) {
            assertThat(strict.extract(List.of(h), "", List.of()))
                    .as("[" + h + "]")
                    .isEqualTo(new Credential.Refused(BearerExtractor.MALFORMED));
        }
    }

    @Test
    void refusesMoreThanOneCredential() {
        Credential.Refused multiple = new Credential.Refused(BearerExtractor.MULTIPLE);
        assertThat(strict.extract(List.of("Bearer a", "Bearer a"), "", List.of()))
                .isEqualTo(multiple);
        assertThat(strict.extract(List.of("Basic x", "Bearer a"), "", List.of()))
                .isEqualTo(multiple);
        assertThat(withQuery.extract(List.of("Bearer a"), "access_token=a", List.of()))
                .isEqualTo(multiple);
        assertThat(withQuery.extract(List.of(), "access_token=a&access_token=b", List.of()))
                .isEqualTo(multiple);
        assertThat(strict.extract(List.of("Bearer a"), "", List.of("a"))).isEqualTo(multiple);
        assertThat(withQuery.extract(List.of(), "access_token=a", List.of("b"))).isEqualTo(multiple);
    }

    @Test
    void refusesQueryTokenUnlessEnabledAndDecodesItsName() {
        Credential.Refused refused = new Credential.Refused(BearerExtractor.QUERY_REFUSED);
        assertThat(strict.extract(List.of(), "x=1&access_token=abc", List.of())).isEqualTo(refused);
        assertThat(strict.extract(List.of(), "access%5Ftoken=abc", List.of())).isEqualTo(refused);
        assertThat(strict.extract(List.of("Bearer abc"), "access_token", List.of()))
                .isEqualTo(refused);
        assertThat(strict.extract(List.of(), "access_tokens=abc", List.of())).isInstanceOf(Credential.Absent.class);
        assertThat(withQuery.extract(List.of(), "x=1&access_token=a%2Bb", List.of()))
                .isEqualTo(present("a+b"));
    }

    @Test
    void refusesMalformedParameterToken() {
        assertThat(withQuery.extract(List.of(), "access_token=", List.of()))
                .isEqualTo(new Credential.Refused(BearerExtractor.MALFORMED_PARAMETER));
        assertThat(strict.extract(List.of(), "", List.of("a b")))
                .isEqualTo(new Credential.Refused(BearerExtractor.MALFORMED_PARAMETER));
        assertThat(strict.extract(List.of(), "", List.of("abc"))).isEqualTo(present("abc"));
    }

    @Test
    void readsDpopSchemeOnlyWhereEnabled() {
        assertThat(strict.extract(List.of("DPoP abc"), "", List.of())).isEqualTo(new Credential.Present("abc", true));
        assertThat(strict.extract(List.of("dpop  abc"), "", List.of())).isEqualTo(new Credential.Present("abc", true));
        assertThat(new BearerExtractor(false, false).extract(List.of("DPoP abc"), "", List.of()))
                .isInstanceOf(Credential.Absent.class);
        assertThat(strict.extract(List.of("DPoP"), "", List.of()))
                .isEqualTo(new Credential.Refused(BearerExtractor.MALFORMED));
    }

    @Test
    void neverShowsTokenInToString() {
        assertThat(present("secret-token").toString()).doesNotContain("secret-token");
    }
}
