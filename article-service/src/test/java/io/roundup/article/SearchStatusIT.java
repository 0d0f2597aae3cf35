package io.roundup.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.roundup.support.testing.TestTokens;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "Live in search" from article-service's side, on the real broker and store: what search-service announces on
 * {@code roundup.search.indexed} (played here by {@link SearchFeed}) becomes each article's search status, and a
 * publish or unpublish with {@code ?wait=searchable} answers once search shows it, or with 202 after its timeout.
 */
class SearchStatusIT extends ArticleServiceHarness {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private SearchFeed search;

    @BeforeAll
    void openSearchFeed() {
        search = new SearchFeed(brokers);
    }

    @AfterAll
    void closeSearchFeed() {
        search.close();
    }

    @Test
    void theStatusFollowsWhatSearchAnnouncesAndSkipsWhatItCannotRead() {
        String id = api.createDraft("Status follows search");
        JsonNode draft = status(id);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.has("revision")).as("a draft has no public revision").isFalse();
        assertThat(draft.has("searchRevision")).isFalse();
        assertThat(draft.get("searchable").asBoolean()).isTrue();
        assertThat(draft.get("articleId").asString()).isEqualTo(id);
        assertThat(draft.has("checkedAt")).isTrue();

        assertThat(api.publish(id).status()).isEqualTo(200);
        JsonNode notYet = status(id);
        assertThat(notYet.get("revision").asLong()).isEqualTo(2);
        assertThat(notYet.get("searchable").asBoolean()).isFalse();

        search.poison(id);
        search.listed(id, 2);
        await().atMost(EVENTUALLY)
                .untilAsserted(() ->
                        assertThat(status(id).get("searchable").asBoolean()).isTrue());
        assertThat(status(id).get("searchRevision").asLong()).isEqualTo(2);

        assertThat(api.unpublish(id).status()).isEqualTo(200);
        search.gone(id, 3);
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode gone = status(id);
            assertThat(gone.get("status").asString()).isEqualTo("UNPUBLISHED");
            assertThat(gone.get("revision").asLong()).isEqualTo(3);
            assertThat(gone.has("searchRevision")).isFalse();
            assertThat(gone.get("searchable").asBoolean()).isTrue();
        });
    }

    @Test
    void aPublishThatWaitsAnswersOnceSearchListsIt() throws Exception {
        String id = api.createDraft("Publish and wait");

        CompletableFuture<ArticleApi.Response> publishing =
                CompletableFuture.supplyAsync(() -> api.asEditor(post("/api/articles/" + id + "/publish")
                        .param("wait", "searchable")
                        .param("timeout", "20s")));
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(api.editorGet("/api/articles/" + id)
                                .json()
                                .get("status")
                                .asString())
                        .isEqualTo("PUBLISHED"));
        assertThat(publishing).as("waits while search has said nothing").isNotDone();
        search.listed(id, 2);

        ArticleApi.Response published = publishing.get(EVENTUALLY.toSeconds(), TimeUnit.SECONDS);
        assertThat(published.status()).as(published.text()).isEqualTo(200);
        assertThat(published.etag()).isEqualTo("\"2\"");
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(status(id).get("searchable").asBoolean()).isTrue();
    }

    @Test
    void anUnpublishThatSearchDoesNotConfirmInTimeAnswers202WithTheWriteDone() {
        String id = api.createDraft("Unpublish and time out");
        assertThat(api.publish(id).status()).isEqualTo(200);

        ArticleApi.Response unpublished = api.asEditor(post("/api/articles/" + id + "/unpublish")
                .param("wait", "searchable")
                .param("timeout", "300ms"));

        assertThat(unpublished.status()).as(unpublished.text()).isEqualTo(202);
        assertThat(unpublished.json().get("status").asString()).isEqualTo("UNPUBLISHED");
        assertThat(unpublished.etag()).isEqualTo("\"3\"");
        assertThat(api.readerGet("/api/articles/" + id).status())
                .as("the write happened")
                .isEqualTo(404);
    }

    @Test
    void anUnusableWaitOrTimeoutIsA400AndWritesNothing() {
        String id = api.createDraft("Bad timeouts");

        for (String[] params :
                new String[][] {{"searchable", "45s"}, {"searchable", "soon"}, {"searchable", "-1s"}, {"indexed", "5s"}
                }) {
            ArticleApi.Response refused = api.asEditor(post("/api/articles/" + id + "/publish")
                    .param("wait", params[0])
                    .param("timeout", params[1]));
            assertThat(refused.status()).as(String.join(" ", params)).isEqualTo(400);
            assertThat(refused.json().get("errors").has(params[0].equals("indexed") ? "wait" : "timeout"))
                    .as(refused.text())
                    .isTrue();
        }
        assertThat(api.editorGet("/api/articles/" + id).json().get("status").asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void onlyEditorsSeeASearchStatusAndAnUnknownIdIs404() {
        String id = api.createDraft("Who may look");

        assertThat(api.readerGet("/api/articles/" + id + "/search-status").status())
                .isEqualTo(401);
        assertThat(api.as(TestTokens.reader(), get("/api/articles/" + id + "/search-status"))
                        .status())
                .isEqualTo(403);
        assertThat(api.editorGet("/api/articles/6650f1c2a1b2c3d4e5f6ffff/search-status")
                        .status())
                .isEqualTo(404);
        assertThat(api.editorGet("/api/articles/not-an-id/search-status").status())
                .isEqualTo(404);
    }

    @Test
    void aDeletedArticleStillHasAStatusThatSaysWhetherItLeftSearch() {
        String id = api.createDraft("Deleted later");
        assertThat(api.as(TestTokens.admin(), post("/api/articles/" + id + "/publish"))
                        .status())
                .isEqualTo(200);
        assertThat(api.as(
                                TestTokens.admin(),
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                        "/api/articles/" + id))
                        .status())
                .isEqualTo(204);

        JsonNode deleted = status(id);
        assertThat(deleted.get("status").asString()).isEqualTo("DELETED");
        assertThat(deleted.get("revision").asLong()).isEqualTo(3);
        assertThat(deleted.get("searchable").asBoolean()).isFalse();

        search.gone(id, 3);
        await().atMost(EVENTUALLY)
                .untilAsserted(() ->
                        assertThat(status(id).get("searchable").asBoolean()).isTrue());
    }

    private JsonNode status(String id) {
        ArticleApi.Response response = api.editorGet("/api/articles/" + id + "/search-status");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }
}
