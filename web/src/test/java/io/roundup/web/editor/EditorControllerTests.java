package io.roundup.web.editor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.roundup.web.SafeHtml;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class EditorControllerTests {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new EditorController(new SafeHtml()))
            .build();

    private static final String BODY = """
            {"fields": {"intro": "Some **bold** words<script>alert(1)</script>", "entries[0].body": "[x](javascript:alert(1))"}}
            """;

    @Test
    void previewRendersMarkdownWithTheReaderPagesSanitizer() throws Exception {
        mvc.perform(preview().header("Authorization", "Bearer x.y.z").header("Sec-Fetch-Site", "same-origin"))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.html.intro").value(org.hamcrest.Matchers.containsString("<strong>bold</strong>")))
                .andExpect(jsonPath("$.html.intro")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script"))))
                .andExpect(jsonPath("$['html']['entries[0].body']")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("javascript:"))));
    }

    @Test
    void previewWithoutABearerTokenIsRefused() throws Exception {
        mvc.perform(preview())
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void previewAskedFromAnotherSiteIsRefused() throws Exception {
        mvc.perform(preview().header("Authorization", "Bearer x.y.z").header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isForbidden());
        mvc.perform(preview()
                        .header("Authorization", "Bearer x.y.z")
                        .header("Host", "localhost:8080")
                        .header("Origin", "https://evil.example"))
                .andExpect(status().isForbidden());
        mvc.perform(preview()
                        .header("Authorization", "Bearer x.y.z")
                        .header("Host", "localhost:8080")
                        .header("Origin", "http://localhost:8080"))
                .andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder preview() {
        return post("/editor/preview").contentType(MediaType.APPLICATION_JSON).content(BODY);
    }
}
