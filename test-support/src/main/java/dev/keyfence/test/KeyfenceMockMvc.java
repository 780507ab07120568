package dev.keyfence.test;

import java.util.Objects;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * MockMvc: sends a real token in the {@code Authorization} header, so the request goes through
 * the Keyfence decoder like a real one (unlike Spring Security's {@code jwt()}, which skips it).
 *
 * <pre>{@code
 * mvc.perform(get("/api/me").with(KeyfenceMockMvc.bearer(idp.token().tenant("tid-a"))))
 *    .andExpect(status().isOk());
 * }</pre>
 */
public final class KeyfenceMockMvc {
    private KeyfenceMockMvc() {}

    /** Adds {@code Authorization: Bearer} with a token newly minted from {@code token}. */
    public static RequestPostProcessor bearer(TestToken token) {
        return bearer(Objects.requireNonNull(token, "token").mint());
    }

    /** Adds {@code Authorization: Bearer} with this token. */
    public static RequestPostProcessor bearer(String token) {
        Objects.requireNonNull(token, "token");
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }
}
