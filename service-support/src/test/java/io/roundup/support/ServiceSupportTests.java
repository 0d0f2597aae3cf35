package io.roundup.support;

import static io.roundup.support.testing.TestTokens.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.roundup.support.security.Roles;
import io.roundup.support.testing.WithTestTokens;
import io.roundup.support.web.RequestIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

// The web support alone: no broker here, so the event topics are not created at start-up.
@SpringBootTest(properties = "spring.kafka.admin.auto-create=false")
@AutoConfigureMockMvc
@WithTestTokens
class ServiceSupportTests {

    @Autowired
    MockMvc mvc;

    @Test
    void readsArePublicAndEveryResponseNamesItsRequestId() throws Exception {
        mvc.perform(get("/api/things")).andExpect(status().isOk()).andExpect(header().exists(RequestIds.HEADER));
        mvc.perform(get("/api/things").header(RequestIds.HEADER, "abc-123"))
                .andExpect(header().string(RequestIds.HEADER, "abc-123"));
    }

    @Test
    void aForgedRequestIdIsReplacedNotEchoed() throws Exception {
        String echoed = mvc.perform(get("/api/things").header(RequestIds.HEADER, "evil\nline"))
                .andReturn()
                .getResponse()
                .getHeader(RequestIds.HEADER);

        assertThat(echoed).doesNotContain("\n").isNotEqualTo("evil\nline");
    }

    @Test
    void aWriteWithoutATokenIsA401Problem() throws Exception {
        mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void aWriteWithoutTheEditorRoleIsA403Problem() throws Exception {
        mvc.perform(post("/api/things")
                        .with(jwt())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void anEditorMayWrite() throws Exception {
        mvc.perform(post("/api/things")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.by").value("editor"));
    }

    @Test
    void anAdminOnlyOperationRefusesAnEditorWithA403NotA500() throws Exception {
        mvc.perform(post("/api/things/purge").with(editor()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void invalidFieldsAreListedEachUnderErrors() throws Exception {
        mvc.perform(post("/api/things")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.title").value("Validation failed"))
                .andExpect(jsonPath("$.errors.name", hasItem("must not be blank")));
    }

    @Test
    void malformedJsonIsA400ThatDoesNotEchoTheParser() throws Exception {
        mvc.perform(post("/api/things")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request body is not valid JSON for this operation."));
    }

    @Test
    void anUnexpectedFailureIsA500WithoutInternals() throws Exception {
        mvc.perform(get("/api/things/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath(
                        "$.detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret"))));
    }

    record Thing(@NotBlank @Size(max = 20) String name) {}

    record Written(String name, String by) {}

    @SpringBootApplication
    @RestController
    static class TestApp {

        @GetMapping("/api/things")
        String list() {
            return "[]";
        }

        @GetMapping("/api/things/broken")
        String broken() {
            throw new IllegalStateException("secret connection string");
        }

        @PostMapping("/api/things")
        Written create(@Valid @RequestBody Thing thing) {
            return new Written(thing.name(), Roles.callerName().orElse("?"));
        }

        @PostMapping("/api/things/purge")
        @PreAuthorize("hasRole('ADMIN')")
        void purge() {}
    }
}
