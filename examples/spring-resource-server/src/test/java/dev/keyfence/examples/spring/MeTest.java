package dev.keyfence.examples.spring;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.keyfence.test.KeyfenceMockMvc;
import dev.keyfence.test.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The Spring README's complete MockMvc test, as printed there ({@link ReadmeTestSnippetTest}). */
@SpringBootTest
@AutoConfigureMockMvc
class MeTest {
    static final TestIdentityProvider IDP = TestIdentityProvider.start();

    @DynamicPropertySource
    static void keyfence(DynamicPropertyRegistry r) {
        IDP.properties().forEach((k, v) -> r.add(k, () -> v));
    }

    @Autowired
    MockMvc mvc;

    @Test
    void me() throws Exception {
        mvc.perform(get("/api/me").with(KeyfenceMockMvc.bearer(IDP.token()))).andExpect(status().isOk());
    }
}
