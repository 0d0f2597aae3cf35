package io.roundup.search.reindex;

import static io.roundup.contracts.AccessTokens.ADMIN;
import static io.roundup.support.testing.TestTokens.caller;
import static io.roundup.support.testing.TestTokens.editor;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.roundup.support.security.ApiSecurityAutoConfiguration;
import io.roundup.support.testing.WithTestTokens;
import io.roundup.support.web.WebSupportAutoConfiguration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ReindexController.class)
@ImportAutoConfiguration({ApiSecurityAutoConfiguration.class, WebSupportAutoConfiguration.class})
@WithTestTokens
class ReindexControllerTests {

    private static final ReindexJob RUNNING = new ReindexJob(
            "job-1",
            ReindexJob.Status.RUNNING,
            ReindexJob.Phase.REPLAYING,
            Instant.parse("2026-11-22T08:00:00Z"),
            null,
            Map.of("reviews", "reviews-v3", "products", "products-v2"),
            Map.of("roundup.products", 120L),
            Map.of("roundup.products", 140L, "roundup.articles", 60L),
            0,
            Map.of(),
            Map.of(),
            null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReindexQueue reindexer;

    @Test
    void anAdminStartsAReindexAndGetsAJob() throws Exception {
        given(reindexer.start()).willReturn(RUNNING);

        mvc.perform(post("/api/search/reindex").with(caller("admin", ADMIN)))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/search/reindex/job-1"))
                .andExpect(jsonPath("$.id").value("job-1"))
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.phase").value("REPLAYING"))
                .andExpect(jsonPath("$.indices.reviews").value("reviews-v3"))
                .andExpect(jsonPath("$.replayed['roundup.products']").value(120))
                .andExpect(jsonPath("$.toRead['roundup.products']").value(140))
                .andExpect(jsonPath("$.toRead['roundup.articles']").value(60))
                .andExpect(jsonPath("$.startedAt").value("2026-11-22T08:00:00Z"))
                .andExpect(jsonPath("$.finishedAt").doesNotExist());
    }

    @Test
    void anEditorMayNotReindex() throws Exception {
        mvc.perform(post("/api/search/reindex").with(editor()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(post("/api/search/reindex")).andExpect(status().isUnauthorized());
        verifyNoInteractions(reindexer);
    }

    @Test
    void anAdminFollowsTheJob() throws Exception {
        given(reindexer.job("job-1")).willReturn(Optional.of(RUNNING));
        given(reindexer.job("nope")).willReturn(Optional.empty());

        mvc.perform(get("/api/search/reindex/job-1").with(caller("admin", ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RUNNING"));
        mvc.perform(get("/api/search/reindex/nope").with(caller("admin", ADMIN)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/search/reindex/job-1")).andExpect(status().is4xxClientError());
    }
}
