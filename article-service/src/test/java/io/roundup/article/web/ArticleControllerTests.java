package io.roundup.article.web;

import static io.roundup.support.testing.TestTokens.editor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.roundup.article.Article;
import io.roundup.article.ArticleNotFound;
import io.roundup.article.ArticleQuery;
import io.roundup.article.Articles;
import io.roundup.article.Content;
import io.roundup.article.Editor;
import io.roundup.article.Fixtures;
import io.roundup.article.Status;
import io.roundup.support.paging.ResultPage;
import io.roundup.support.revision.ExpectedRevision;
import io.roundup.support.security.ApiSecurityAutoConfiguration;
import io.roundup.support.testing.WithTestTokens;
import io.roundup.support.web.WebSupportAutoConfiguration;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = {ArticleController.class, RevisionController.class})
@ImportAutoConfiguration({WebSupportAutoConfiguration.class, ApiSecurityAutoConfiguration.class})
@WithTestTokens
class ArticleControllerTests {

    private static final String BODY = """
            {"title": "Best Headphones", "author": {"name": "Ada Marlowe"},
             "entries": [{"rank": 1, "productId": "6650f1c2a1b2c3d4e5f60718", "heading": "Northwind"}]}
            """;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Articles articles;

    @Test
    void anEditorCreatesADraftAndGetsItsLocationAndETag() throws Exception {
        given(articles.create(any(), isNull(), eq("editor"))).willReturn(Fixtures.draft("Best Headphones"));

        mvc.perform(post("/api/articles")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BODY))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/articles/" + Fixtures.ARTICLE_ID))
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.id").value(Fixtures.ARTICLE_ID))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.slug").value("best-headphones"))
                .andExpect(jsonPath("$.hasUnpublishedChanges").value(true))
                .andExpect(jsonPath("$.entries[0].features[0].name").value("Driver"));

        ArgumentCaptor<Content> content = ArgumentCaptor.forClass(Content.class);
        verify(articles).create(content.capture(), isNull(), eq("editor"));
        org.assertj.core.api.Assertions.assertThat(content.getValue().entries())
                .singleElement()
                .extracting(Content.Entry::rank, Content.Entry::heading)
                .containsExactly(1, "Northwind");
    }

    @Test
    void writingWithoutATokenIs401AndWithoutTheRoleIs403() throws Exception {
        mvc.perform(post("/api/articles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BODY))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        mvc.perform(post("/api/articles")
                        .with(jwt())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BODY))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(post("/api/articles/" + Fixtures.ARTICLE_ID + "/publish")).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/articles/" + Fixtures.ARTICLE_ID).with(jwt())).andExpect(status().isForbidden());
        verifyNoInteractions(articles);
    }

    @Test
    void serverOwnedFieldsAreRefusedByName() throws Exception {
        for (String field : List.of(
                "\"id\": \"6650f1c2a1b2c3d4e5f60720\"",
                "\"status\": \"PUBLISHED\"",
                "\"revision\": 7",
                "\"publishedAt\": \"2026-01-01T00:00:00Z\"",
                "\"slugHistory\": []")) {
            String name = field.substring(1, field.indexOf('"', 1));
            mvc.perform(post("/api/articles")
                            .with(editor())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{" + field + ", \"title\": \"T\", \"author\": {\"name\": \"A\"}}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                    .andExpect(jsonPath("$.errors." + name, contains("is set by the server and cannot be written")));
        }
        verifyNoInteractions(articles);
    }

    @Test
    void unknownAndMistypedFieldsAreNamedWithTheirPath() throws Exception {
        mvc.perform(post("/api/articles")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"title\": \"T\", \"entries\": [{\"rank\": 1}, {\"rank\": 2, \"headline\": \"x\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['entries[1].headline']", contains("is not a known field")))
                .andExpect(jsonPath("$.errors.author").exists()) // the content's own faults come in the same answer
                .andExpect(jsonPath("$.errors['entries[0].productId']").exists());
        mvc.perform(post("/api/articles")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"T\", \"entries\": [{\"rank\": \"first\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['entries[0].rank']", contains("has the wrong JSON type or format")));
        mvc.perform(post("/api/articles")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request body is not valid JSON for this operation."));
        verifyNoInteractions(articles);
    }

    @Test
    void readersGetOnlyThePublishedSnapshot() throws Exception {
        given(articles.get(Fixtures.ARTICLE_ID)).willReturn(Fixtures.publishedWithDraft("Live title", "Draft title"));

        mvc.perform(get("/api/articles/" + Fixtures.ARTICLE_ID))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"3\""))
                .andExpect(jsonPath("$.title").value("Live title"))
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.hasUnpublishedChanges").doesNotExist())
                .andExpect(jsonPath("$.updatedBy").doesNotExist());
    }

    @Test
    void editorsGetTheWorkingCopyAndItsWorkflowState() throws Exception {
        given(articles.get(Fixtures.ARTICLE_ID)).willReturn(Fixtures.publishedWithDraft("Live title", "Draft title"));

        mvc.perform(get("/api/articles/" + Fixtures.ARTICLE_ID).with(editor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Draft title"))
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.hasUnpublishedChanges").value(true))
                .andExpect(jsonPath("$.updatedBy").value("editor"));
    }

    @Test
    void draftsScheduledUnpublishedAndMissingArticlesAre404ToReaders() throws Exception {
        given(articles.get("draft")).willReturn(Fixtures.draft("T"));
        given(articles.get("scheduled")).willReturn(Fixtures.scheduled("T", Instant.parse("2030-01-01T00:00:00Z")));
        given(articles.get("unpublished")).willReturn(Fixtures.unpublished("T"));
        given(articles.get("nope")).willThrow(new ArticleNotFound());
        given(articles.getBySlug("a-draft")).willReturn(Fixtures.draft("T"));

        for (String id : List.of("draft", "scheduled", "unpublished", "nope")) {
            mvc.perform(get("/api/articles/" + id))
                    .andExpect(status().isNotFound())
                    .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        }
        mvc.perform(get("/api/articles/by-slug/a-draft")).andExpect(status().isNotFound());
        mvc.perform(get("/api/articles/by-slug/a-draft").with(jwt())).andExpect(status().isNotFound());
        mvc.perform(get("/api/articles/by-slug/a-draft").with(editor())).andExpect(status().isOk());
    }

    @Test
    void anEditWithoutIfMatchIs428() throws Exception {
        mvc.perform(put("/api/articles/" + Fixtures.ARTICLE_ID)
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BODY))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.status").value(428));
        verifyNoInteractions(articles);
    }

    @Test
    void ifMatchIsReadAsRfc9110Says() throws Exception {
        given(articles.update(eq(Fixtures.ARTICLE_ID), any(), any(), isNull(), eq("editor")))
                .willReturn(Fixtures.draft("T"));
        for (String header : List.of("W/\"1\"", "\"1\", \"2\"", "*")) {
            mvc.perform(put("/api/articles/" + Fixtures.ARTICLE_ID)
                            .with(editor())
                            .header(HttpHeaders.IF_MATCH, header)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(BODY))
                    .andExpect(status().isOk());
        }
        verify(articles)
                .update(eq(Fixtures.ARTICLE_ID), eq(ExpectedRevision.oneOf(Set.of())), any(), isNull(), eq("editor"));
        verify(articles)
                .update(
                        eq(Fixtures.ARTICLE_ID),
                        eq(ExpectedRevision.oneOf(Set.of(1L, 2L))),
                        any(),
                        isNull(),
                        eq("editor"));
        verify(articles).update(eq(Fixtures.ARTICLE_ID), eq(ExpectedRevision.any()), any(), isNull(), eq("editor"));
    }

    @Test
    void anEditBasedOnAStaleRevisionIs412WithTheCurrentETag() throws Exception {
        given(articles.update(eq(Fixtures.ARTICLE_ID), eq(ExpectedRevision.exactly(1)), any(), isNull(), eq("editor")))
                .willThrow(Fixtures.conflictAt(4));

        mvc.perform(put("/api/articles/" + Fixtures.ARTICLE_ID)
                        .with(editor())
                        .header(HttpHeaders.IF_MATCH, "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BODY))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string(HttpHeaders.ETAG, "\"4\""))
                .andExpect(jsonPath("$.currentRevision").value(4));
    }

    @Test
    void anEditAnswersWithTheNewRevision() throws Exception {
        Article edited = Fixtures.publishedWithDraft("Old", "New");
        given(articles.update(eq(Fixtures.ARTICLE_ID), eq(ExpectedRevision.exactly(2)), any(), isNull(), eq("editor")))
                .willReturn(edited);

        mvc.perform(put("/api/articles/" + Fixtures.ARTICLE_ID)
                        .with(editor())
                        .header(HttpHeaders.IF_MATCH, "\"2\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BODY))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"3\""))
                .andExpect(jsonPath("$.title").value("New"));
    }

    @Test
    void publishTakesAnOptionalTimeAndAnOptionalIfMatch() throws Exception {
        Instant at = Instant.parse("2030-01-01T08:00:00Z");
        given(articles.publish(Fixtures.ARTICLE_ID, ExpectedRevision.any(), null, "editor"))
                .willReturn(Fixtures.published("T"));
        given(articles.publish(Fixtures.ARTICLE_ID, ExpectedRevision.exactly(1), at, "editor"))
                .willReturn(Fixtures.scheduled("T", at));

        mvc.perform(post("/api/articles/" + Fixtures.ARTICLE_ID + "/publish").with(editor()))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(post("/api/articles/" + Fixtures.ARTICLE_ID + "/publish")
                        .with(editor())
                        .header(HttpHeaders.IF_MATCH, "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"at\": \"2030-01-01T08:00:00Z\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.scheduledAt").value("2030-01-01T08:00:00Z"));
    }

    @Test
    void aRefusedTransitionIs409() throws Exception {
        given(articles.unpublish(Fixtures.ARTICLE_ID, ExpectedRevision.any(), "editor"))
                .willThrow(Fixtures.refused(
                        "Only a published or scheduled article can be unpublished; this one is DRAFT."));

        mvc.perform(post("/api/articles/" + Fixtures.ARTICLE_ID + "/unpublish").with(editor()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").exists());
    }

    @Test
    void deleteIs204() throws Exception {
        mvc.perform(delete("/api/articles/" + Fixtures.ARTICLE_ID)
                        .with(editor())
                        .header(HttpHeaders.IF_MATCH, "\"3\""))
                .andExpect(status().isNoContent());
        verify(articles).delete(Fixtures.ARTICLE_ID, ExpectedRevision.exactly(3), new Editor("editor", false));
    }

    @Test
    void readersListPublishedArticlesAndMayNotAskForDrafts() throws Exception {
        given(articles.list(any()))
                .willReturn(new ResultPage<>(List.of(Fixtures.publishedWithDraft("Live", "Draft")), 0, 20, 1));

        mvc.perform(get("/api/articles").param("category", "Audio"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].title").value("Live"))
                .andExpect(jsonPath("$.items[0].status").value("PUBLISHED"))
                .andExpect(jsonPath("$.items[0].author.name").value("Ada Marlowe"))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.totalPages").value(1));
        verify(articles).list(new ArticleQuery(false, null, "Audio", null, null, 0, 20));

        mvc.perform(get("/api/articles").param("status", "DRAFT")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/articles").param("status", "DRAFT").with(jwt())).andExpect(status().isForbidden());
        mvc.perform(get("/api/articles").param("status", "published")).andExpect(status().isOk());
    }

    @Test
    void editorsListWorkingCopiesInAnyStatus() throws Exception {
        given(articles.list(any())).willReturn(new ResultPage<>(List.of(Fixtures.draft("Draft")), 1, 5, 6));

        mvc.perform(get("/api/articles")
                        .param("status", "DRAFT")
                        .param("page", "1")
                        .param("size", "5")
                        .with(editor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].status").value("DRAFT"))
                .andExpect(jsonPath("$.totalPages").value(2));
        verify(articles).list(new ArticleQuery(true, Status.DRAFT, null, null, null, 1, 5));
    }

    @Test
    void badListParametersAreEachNamed() throws Exception {
        mvc.perform(get("/api/articles")
                        .param("page", "-1")
                        .param("size", "101")
                        .param("status", "LIVE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.page", hasItem("must be 0 or more")))
                .andExpect(jsonPath("$.errors.size", hasItem("must be between 1 and 100")))
                .andExpect(jsonPath("$.errors.status").exists());
        mvc.perform(get("/api/articles").param("size", "ten"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size", hasItem("must be a whole number")));
        mvc.perform(get("/api/articles").param("q", "a b c d e f g h i"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.q", hasItem("must have at most 8 words")));
        mvc.perform(get("/api/articles").param("q", "x".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.q", hasItem("must be at most 200 characters")));
        verify(articles, never()).list(any());
    }

    @Test
    void theTextFilterIsSplitIntoWords() throws Exception {
        given(articles.list(any())).willReturn(new ResultPage<>(List.of(), 0, 20, 0));

        mvc.perform(get("/api/articles")
                        .param("q", "  quiet   Headphones quiet ")
                        .with(editor()))
                .andExpect(status().isOk());
        verify(articles).list(new ArticleQuery(true, null, null, null, null, List.of("quiet", "Headphones"), 0, 20));
    }

    @Test
    void revisionsAreForEditorsOnly() throws Exception {
        mvc.perform(get("/api/articles/" + Fixtures.ARTICLE_ID + "/revisions")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/articles/" + Fixtures.ARTICLE_ID + "/revisions/1").with(jwt()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/articles/" + Fixtures.ARTICLE_ID + "/revisions/1/restore")
                        .with(editor()))
                .andExpect(status().isPreconditionRequired());
        verify(articles, never()).restore(any(), anyLong(), any(), any());
    }

    @Test
    void aNulInAListingFilterIsA400NamingTheFilterNotA500() throws Exception {
        for (String query : List.of("tag=%00x", "tag=a%00x", "category=a%01b", "author=%0A", "status=%00")) {
            mvc.perform(get(URI.create("/api/articles?" + query)))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                    .andExpect(jsonPath("$.errors." + query.substring(0, query.indexOf('=')) + "[0]")
                            .value("must not contain control characters"));
        }
        mvc.perform(get(URI.create("/api/articles?tag=%FF")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.tag[0]").value("must be percent-encoded UTF-8"));
        verify(articles, never()).list(any());
    }

    @Test
    void aFilterGivenTwiceIsA400InsteadOfBeingJoined() throws Exception {
        mvc.perform(get(URI.create("/api/articles?tag=a&tag=b")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.tag[0]").value("must be given at most once"));
        verify(articles, never()).list(any());
    }

    @Test
    void aPageBeyondTenThousandIsA400() throws Exception {
        mvc.perform(get(URI.create("/api/articles?page=10001&size=100")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.page[0]").value("must be at most 10000"));
        mvc.perform(get(URI.create("/api/articles?page=2147483648")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.page[0]").value("is too large"));
        mvc.perform(get(URI.create("/api/articles/" + Fixtures.ARTICLE_ID + "/revisions?page=10001"))
                        .with(editor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.page[0]").value("must be at most 10000"));
        verify(articles, never()).list(any());
    }

    @Test
    void aControlCharacterInAnIdOrSlugIsA400NamingIt() throws Exception {
        mvc.perform(get(URI.create("/api/articles/a%01b")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.id[0]").value("must not contain control characters"));
        mvc.perform(get(URI.create("/api/articles/by-slug/best%09tents")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.slug[0]").value("must not contain control characters"));
        mvc.perform(get(URI.create("/api/articles/" + Fixtures.ARTICLE_ID + "/revisions/1%7F"))
                        .with(editor()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.revision[0]").value("must not contain control characters"));
        verifyNoInteractions(articles);
    }
}
