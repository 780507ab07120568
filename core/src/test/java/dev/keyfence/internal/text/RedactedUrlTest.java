package dev.keyfence.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** A URL prints with scheme, host, port and path only: no credentials, query or fragment. */
class RedactedUrlTest {
    @Test
    void keepsSchemeHostPortAndPath() {
        assertThat(RedactedUrl.of("https://idp.example.test:8443/t/keys"))
                .isEqualTo("https://idp.example.test:8443/t/keys");
        assertThat(RedactedUrl.of("http://127.0.0.1")).isEqualTo("http://127.0.0.1");
    }

    @Test
    void dropsUserInfoQueryAndFragment() {
        assertThat(RedactedUrl.of("https://user:s3cret@idp.example.test/keys?api-key=k3y#frag"))
                .isEqualTo("https://idp.example.test/keys");
        // the last @ ends the user-info, whatever the password holds
        assertThat(RedactedUrl.of("https://a@b:p@ss@idp.example.test/keys")).isEqualTo("https://idp.example.test/keys");
        assertThat(RedactedUrl.of("https://idp.example.test?token=x")).isEqualTo("https://idp.example.test");
    }

    @Test
    void textThatIsNoUrlIsNotPrinted() {
        assertThat(RedactedUrl.of("not a url with a s3cret")).isEqualTo("(not a URL)");
        assertThat(RedactedUrl.of((String) null)).isEqualTo("(no URL)");
        assertThat(RedactedUrl.of((URI) null)).isEqualTo("(no URL)");
    }

    @Test
    void readsAUri() {
        assertThat(RedactedUrl.of(URI.create("https://u:p@idp.example.test/k?q=1")))
                .isEqualTo("https://idp.example.test/k");
    }
}
