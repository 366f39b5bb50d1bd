package org.trustrepair.advisor.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.trustrepair.advisor.AdvisorApplication;

/**
 * The workbench is free on loopback (a counsellor's laptop), behind a login on any other address, and never open to
 * other machines: without a user, a server on another address refuses to start, naming the settings.
 */
class WorkbenchLoginTest {

    static final String USER = "counsellor";
    static final String PASSWORD = "a long passphrase for tests";
    /** Hashed here, at the lowest bcrypt cost to keep the test fast; production hashes use 10 or more. */
    static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);

    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    class OnAnotherAddressWithoutAUser {

        @Test
        void theServerRefusesToStartAndSaysWhatToSet(CapturedOutput output) {
            SpringApplicationBuilder app = new SpringApplicationBuilder(AdvisorApplication.class);

            assertThatThrownBy(() -> app.run(
                            "--server.port=0",
                            "--server.address=0.0.0.0",
                            "--advisor.workbench.enabled=true",
                            "--advisor.workbench.reload.enabled=false",
                            // no background sweep of the rules, which would outlive the refused start
                            "--advisor.workbench.reload.sweep=none",
                            "--spring.main.banner-mode=off"))
                    .hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .rootCause()
                    .hasMessageContaining("advisor.workbench.enabled");
            assertThat(output)
                    .contains("APPLICATION FAILED TO START")
                    .contains("0.0.0.0 (server.address), which is not loopback")
                    .contains("Set advisor.workbench.user and advisor.workbench.password-hash")
                    .contains("server.address=127.0.0.1");
        }

        @Test
        void aUserWithoutAPasswordHashIsRefusedToo() {
            SpringApplicationBuilder app = new SpringApplicationBuilder(AdvisorApplication.class);

            assertThatThrownBy(() -> app.run(
                            "--server.port=0",
                            "--server.address=127.0.0.1",
                            "--advisor.workbench.enabled=true",
                            "--advisor.workbench.user=" + USER,
                            "--advisor.workbench.reload.enabled=false",
                            // no background sweep of the rules, which would outlive the refused start
                            "--advisor.workbench.reload.sweep=none",
                            "--spring.main.banner-mode=off"))
                    .hasStackTraceContaining("advisor.workbench.user and advisor.workbench.password-hash go together");
        }
    }

    @Nested
    @SpringBootTest(
            properties = {
                "advisor.workbench.enabled=true",
                "server.address=0.0.0.0",
                "advisor.workbench.user=" + USER,
                "advisor.workbench.reload.enabled=false",
                "advisor.workbench.reload.sweep=none"
            })
    @AutoConfigureMockMvc
    class OnAnotherAddressWithAUser {

        @DynamicPropertySource
        static void passwordHash(DynamicPropertyRegistry properties) {
            properties.add("advisor.workbench.password-hash", () -> HASH);
        }

        @Autowired
        MockMvc mvc;

        @Test
        void theWorkbenchAsksForTheLogin() throws Exception {
            mvc.perform(get("/workbench"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", "Basic realm=\"Trust-repair advisor workbench\""));
            mvc.perform(post("/workbench/what-if").with(csrf()).param("relationship", "ROMANTIC"))
                    .andExpect(status().isUnauthorized());
            mvc.perform(get("/workbench").with(httpBasic(USER, "not the password")))
                    .andExpect(status().isUnauthorized());
        }

        @Test
        void theUserGetsInWithTheSiteHeaders() throws Exception {
            mvc.perform(get("/workbench").with(httpBasic(USER, PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().exists("Content-Security-Policy"));
            mvc.perform(post("/workbench/what-if")
                            .with(httpBasic(USER, PASSWORD))
                            .param("relationship", "ROMANTIC"))
                    .andExpect(status().isForbidden()); // a form post still needs its CSRF token
        }

        @Test
        void theRestOfTheSiteAsksForNoLogin() throws Exception {
            mvc.perform(get("/")).andExpect(status().isOk());
            mvc.perform(get("/api/questionnaire")).andExpect(status().isOk());
        }
    }

    @Nested
    @SpringBootTest(
            properties = {
                "advisor.workbench.enabled=true",
                "server.address=127.0.0.1",
                "advisor.workbench.reload.enabled=false",
                "advisor.workbench.reload.sweep=none"
            })
    @AutoConfigureMockMvc
    class OnLoopbackWithoutAUser {

        @Autowired
        MockMvc mvc;

        @Test
        void theWorkbenchIsFree() throws Exception {
            mvc.perform(get("/workbench")).andExpect(status().isOk());
        }
    }
}
