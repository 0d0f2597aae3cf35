package io.roundup.search;

import static io.roundup.search.Events.content;
import static io.roundup.search.Events.id;
import static io.roundup.search.Events.published;
import static io.roundup.search.Events.word;
import static io.roundup.support.testing.TestTokens.admin;
import static io.roundup.support.testing.TestTokens.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** Editors' synonym rules: admins replace them, bad rules change nothing, and new rules take effect by a reindex. */
class SynonymsIT extends SearchServiceHarness {

    private static final String ADMIN = "ada-admin";

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void newRulesTakeEffectThroughAReindexAndSearchAnswersThroughout() throws Exception {
        String written = word();
        String typed = word();
        String id = id();
        events.send(published(
                id,
                1,
                Instant.now(),
                content(
                        "Quiet " + written + " roundup",
                        "s",
                        "Audio",
                        List.of(),
                        "Ada",
                        "The " + written + " we liked best.",
                        List.of())));
        await().atMost(PATIENCE)
                .until(() -> SearchApi.ids(api.search("q", written)).contains(id));
        assertThat(SearchApi.ids(api.search("q", typed))).isEmpty();

        MockHttpServletResponse saved = send(
                put("/api/search/synonyms").with(admin(ADMIN)), "{\"rules\": [\"" + typed + ", " + written + "\"]}");
        assertThat(saved.getStatus()).isEqualTo(202);
        JsonNode body = SearchApi.json(saved);
        assertThat(body.path("rules").path(0).asString()).isEqualTo(typed + ", " + written);
        assertThat(saved.getHeader(HttpHeaders.ETAG))
                .isEqualTo("\"" + body.path("revision").asLong() + "\"");
        String job = saved.getHeader(HttpHeaders.LOCATION);
        assertThat(job)
                .isEqualTo(
                        "/api/search/reindex/" + body.path("reindex").path("id").asString());

        await().atMost(PATIENCE).untilAsserted(() -> {
            // searches keep answering while the new index is built
            assertThat(SearchApi.ids(api.search("q", written))).contains(id);
            assertThat(SearchApi.json(send(get(job).with(admin(ADMIN)), null))
                            .path("status")
                            .asString())
                    .isEqualTo("SUCCEEDED");
        });
        assertThat(SearchApi.ids(api.search("q", typed))).containsExactly(id);

        JsonNode current = SearchApi.json(send(get("/api/search/synonyms").with(admin(ADMIN)), null));
        assertThat(current.path("revision").asLong())
                .isEqualTo(body.path("revision").asLong());
        assertThat(current.path("updatedBy").asString()).isEqualTo(ADMIN);
    }

    @Test
    void badRulesAreRefusedOneByOneAndChangeNothing() throws Exception {
        JsonNode before = SearchApi.json(send(get("/api/search/synonyms").with(admin(ADMIN)), null));

        MockHttpServletResponse refused = send(
                put("/api/search/synonyms").with(admin(ADMIN)),
                "{\"rules\": [\"good, fine\", \"lonely\", \"\", \"" + "x".repeat(301) + ", y\", \"#$%, !!\"]}");

        assertThat(refused.getStatus()).isEqualTo(400);
        JsonNode errors = SearchApi.json(refused).path("errors");
        assertThat(errors.has("rules[0]")).isFalse();
        assertThat(errors.has("rules[1]")).isTrue();
        assertThat(errors.has("rules[2]")).isTrue();
        assertThat(errors.has("rules[3]")).isTrue();
        assertThat(errors.has("rules[4]")).isTrue();
        JsonNode after = SearchApi.json(send(get("/api/search/synonyms").with(admin(ADMIN)), null));
        assertThat(after.path("revision").asLong())
                .isEqualTo(before.path("revision").asLong());
    }

    @Test
    void aRuleTheAnalyzerRefusesIsNamedWithItsReason() throws Exception {
        MockHttpServletResponse refused =
                send(put("/api/search/synonyms").with(admin(ADMIN)), "{\"rules\": [\"good, fine\", \"=>\"]}");

        assertThat(refused.getStatus()).isEqualTo(400);
        JsonNode errors = SearchApi.json(refused).path("errors");
        assertThat(errors.has("rules[0]")).isFalse();
        assertThat(errors.path("rules[1]").path(0).asString()).isNotBlank();
    }

    @Test
    void aStaleIfMatchIs412AndOnlyAdminsMaySeeOrChangeRules() throws Exception {
        JsonNode current = SearchApi.json(send(get("/api/search/synonyms").with(admin(ADMIN)), null));
        long stale = current.path("revision").asLong() + 7;

        assertThat(send(
                                put("/api/search/synonyms")
                                        .with(admin(ADMIN))
                                        .header(HttpHeaders.IF_MATCH, "\"" + stale + "\""),
                                "{\"rules\": [\"a, b\"]}")
                        .getStatus())
                .isEqualTo(412);
        assertThat(send(put("/api/search/synonyms").with(editor()), "{\"rules\": [\"a, b\"]}")
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(get("/api/search/synonyms"), null).getStatus()).isEqualTo(401);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String json) throws Exception {
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
