package dev.keyfence.examples.spring;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.keyfence.test.KeyfenceMockMvc;
import dev.keyfence.test.SigningKey;
import dev.keyfence.test.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The example app tested the way the Spring README shows: MockMvc with real tokens from keyfence-test. */
@SpringBootTest
@AutoConfigureMockMvc
class MeControllerTest {
    static final TestIdentityProvider IDP = TestIdentityProvider.start();

    @DynamicPropertySource
    static void keyfence(DynamicPropertyRegistry registry) {
        IDP.properties("api://mail").forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterAll
    static void stop() {
        IDP.close();
    }

    @Autowired
    MockMvc mvc;

    @Test
    void answersMeForAnEnterpriseToken() throws Exception {
        mvc.perform(get("/api/me")
                        .with(KeyfenceMockMvc.bearer(
                                IDP.token().audience("api://mail").tenant("tid-a"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenant").value("tid-a"))
                .andExpect(jsonPath("$.keyScope").value("enterprise"));
    }

    @Test
    void refusesTheConsumerKeyWithTheReasonCode() throws Exception {
        mvc.perform(get("/api/me")
                        .with(KeyfenceMockMvc.bearer(
                                IDP.token().audience("api://mail").signedWith(SigningKey.CONSUMER))))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(
                                "WWW-Authenticate",
                                "Bearer error=\"invalid_token\", error_description=\"KEY_SCOPE_NOT_ACCEPTED\""));
    }

    @Test
    void refusesAnExpiredKeyWithTheReasonCode() throws Exception {
        mvc.perform(get("/api/me")
                        .with(KeyfenceMockMvc.bearer(
                                IDP.token().audience("api://mail").signedWith(SigningKey.EXPIRED))))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(
                                "WWW-Authenticate",
                                "Bearer error=\"invalid_token\", error_description=\"KEY_EXPIRED\""));
    }
}
