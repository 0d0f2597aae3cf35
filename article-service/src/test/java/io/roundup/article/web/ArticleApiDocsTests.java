package io.roundup.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.article.Articles;
import io.roundup.article.search.SearchSettings;
import io.roundup.article.search.SearchStatuses;
import io.roundup.article.search.SearchWaits;
import io.roundup.support.security.ApiSecurityAutoConfiguration;
import io.roundup.support.testing.ServiceApiDocs;
import io.roundup.support.web.WebSupportAutoConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The article API's OpenAPI document, as the gateway fetches it: every route, with the statuses clients rely on. */
@WebMvcTest(controllers = {ArticleController.class, RevisionController.class, SearchStatusController.class})
@ImportAutoConfiguration({WebSupportAutoConfiguration.class, ApiSecurityAutoConfiguration.class})
@Import(ArticleApiDocs.class)
class ArticleApiDocsTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Articles articles;

    @MockitoBean
    SearchStatuses searchStatuses;

    @MockitoBean
    SearchWaits waits;

    @MockitoBean
    SearchSettings settings;

    JsonNode docs;

    @BeforeEach
    void fetchDocs() throws Exception {
        docs = ServiceApiDocs.fetch(mvc);
    }

    @Test
    void describesEveryArticleRouteAndNothingElse() {
        assertThat(docs.get("openapi").asString()).startsWith("3.1");
        assertThat(ServiceApiDocs.operations(docs))
                .containsExactlyInAnyOrder(
                        "POST /api/articles",
                        "GET /api/articles",
                        "GET /api/articles/{id}",
                        "GET /api/articles/by-slug/{slug}",
                        "PUT /api/articles/{id}",
                        "DELETE /api/articles/{id}",
                        "POST /api/articles/{id}/publish",
                        "POST /api/articles/{id}/unpublish",
                        "DELETE /api/articles/{id}/schedule",
                        "GET /api/articles/{id}/revisions",
                        "GET /api/articles/{id}/search-status",
                        "GET /api/articles/{id}/revisions/{revision}",
                        "POST /api/articles/{id}/revisions/{revision}/restore");
    }

    @Test
    void writesNeedAnEditorsBearerTokenAndSayWhatTheyAnswer() {
        JsonNode create = operation("post", "/api/articles");
        assertThat(create.get("security").toString()).isEqualTo("[{\"bearer\":[]}]");
        assertThat(create.get("x-roles").toString()).isEqualTo("[\"EDITOR\",\"ADMIN\"]");
        assertThat(create.get("description").asString()).contains("role EDITOR or ADMIN");
        assertThat(statuses(create)).containsExactly("201", "400", "401", "403", "409");
        assertThat(create.at("/responses/201/headers").propertyNames()).contains("Location", "ETag");
        assertThat(create.at("/requestBody/content/application~1json/examples").isEmpty())
                .isFalse();
        assertThat(docs.at("/components/schemas/ArticleRequest/properties").propertyNames())
                .as("the map that collects unknown fields is no field")
                .doesNotContain("unexpected");

        assertThat(statuses(operation("post", "/api/articles/{id}/publish"))).contains("200", "409", "422");
        assertThat(statuses(operation("delete", "/api/articles/{id}"))).contains("204", "401", "403", "404");
        assertThat(statuses(operation("get", "/api/articles/{id}/revisions")))
                .as("the history is for editors")
                .contains("200", "401", "403");
        assertThat(statuses(operation("get", "/api/articles/{id}/search-status")))
                .as("the search status is for editors")
                .contains("200", "401", "403", "404");
        JsonNode waitingPublish = operation("post", "/api/articles/{id}/publish");
        assertThat(statuses(waitingPublish)).as("?wait=searchable").contains("200", "202");
        assertThat(waitingPublish.get("parameters").findValuesAsString("name")).contains("wait", "timeout");
    }

    @Test
    void aReplacementNeedsTheRevisionItIsBasedOn() {
        for (String[] write : List.of(
                new String[] {"put", "/api/articles/{id}"},
                new String[] {"post", "/api/articles/{id}/revisions/{revision}/restore"})) {
            JsonNode operation = operation(write[0], write[1]);
            assertThat(statuses(operation)).as(write[1]).contains("412", "428");
            assertThat(operation
                            .get("parameters")
                            .valueStream()
                            .filter(p -> p.get("name").asString().equals("If-Match"))
                            .map(p -> p.get("required").asBoolean()))
                    .containsExactly(true);
        }
    }

    @Test
    void readsArePublicCarryTheRevisionAndAnswerProblems() {
        JsonNode read = operation("get", "/api/articles/{id}");
        assertThat(read.has("security")).isFalse();
        assertThat(read.at("/responses/200/headers").propertyNames()).contains("ETag");
        assertThat(read.at("/responses/200/content/application~1json/examples/article/value/status")
                        .asString())
                .isEqualTo("PUBLISHED");
        assertThat(read.at("/responses/404/content/application~1problem+json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(docs.at("/components/schemas/Problem/properties").propertyNames())
                .contains("title", "status", "detail", "errors");
        assertThat(docs.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
    }

    private JsonNode operation(String method, String path) {
        JsonNode operation = docs.get("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
        return operation;
    }

    private static List<String> statuses(JsonNode operation) {
        return new ArrayList<>(operation.get("responses").propertyNames());
    }
}
