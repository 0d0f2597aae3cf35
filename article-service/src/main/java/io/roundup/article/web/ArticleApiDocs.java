package io.roundup.article.web;

import static io.roundup.support.openapi.ApiDocs.operation;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the article API's OpenAPI document says beyond what springdoc reads from the controllers and the platform's
 * conventions add: the statuses of the workflow, required revisions, examples.
 */
@Component
class ArticleApiDocs implements OpenApiCustomizer {

    private static final String ARTICLE = "openapi/article.json";

    private static final String REQUEST = "openapi/article-request.json";

    private static final String WAIT = "With `?wait=searchable` (and `&timeout=5s`, default 10 s, at most 30 s) the"
            + " answer comes once readers' search shows the new state (200), or after the timeout with 202; the write"
            + " itself is done either way.";

    /** The 202 of {@code ?wait=searchable}: the same article, search not there yet. */
    private static void accepted(OpenAPI api, String path) {
        Operation operation = api.getPaths().get(path).getPost();
        ApiResponse ok = operation.getResponses().get("200");
        operation
                .getResponses()
                .addApiResponse(
                        "202",
                        new ApiResponse()
                                .description("Written, but search did not show it within the timeout"
                                        + " (`?wait=searchable` only)")
                                .content(ok == null ? null : ok.getContent()));
    }

    @Override
    public void customise(OpenAPI api) {
        operation(api, POST, "/api/articles")
                .id("createArticle")
                .summary("Create a draft")
                .description("The slug is derived from the title unless one is given; it must be unique.")
                .succeeds(HttpStatus.CREATED)
                .location()
                .etag()
                .problem(HttpStatus.CONFLICT, "The slug is taken (`errors.slug`).")
                .requestExample("A roundup with one ranked product", REQUEST);
        operation(api, GET, "/api/articles")
                .id("listArticles")
                .summary("List articles, newest first")
                .description("Readers see published articles only; another `status` needs an editor's token. `q` (at"
                        + " most 8 words, 200 characters) keeps the articles whose title, summary, category, author,"
                        + " tags (or, for editors, slug) contain every word, ignoring case.")
                .problem(HttpStatus.UNAUTHORIZED, "A `status` other than PUBLISHED was asked for without a token.")
                .problem(HttpStatus.FORBIDDEN, "A `status` other than PUBLISHED needs EDITOR or ADMIN.");
        operation(api, GET, "/api/articles/{id}")
                .id("getArticle")
                .summary("Read an article")
                .description("Readers get the published article (a draft is a 404 to them); editors the working copy.")
                .etag()
                .example("A published roundup as readers see it", ARTICLE);
        operation(api, GET, "/api/articles/by-slug/{slug}")
                .id("getArticleBySlug")
                .summary("Read an article by its slug (a former slug leads to it too)")
                .etag()
                .example("A published roundup as readers see it", ARTICLE);
        operation(api, PUT, "/api/articles/{id}")
                .id("updateArticle")
                .summary("Replace the working copy; the answer is the new revision")
                .ifMatchRequired()
                .etag()
                .problem(HttpStatus.CONFLICT, "The slug is taken (`errors.slug`).")
                .requestExample("A roundup with one ranked product", REQUEST);
        operation(api, POST, "/api/articles/{id}/publish")
                .id("publishArticle")
                .summary("Publish the working copy, or schedule it with {\"at\": time}")
                .description(WAIT)
                .etag()
                .problem(HttpStatus.CONFLICT, "The article is published already and has no unpublished changes.")
                .problem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "Entries name products the catalog does not have (`errors` names each entry).");
        operation(api, POST, "/api/articles/{id}/unpublish")
                .id("unpublishArticle")
                .summary("Take the article off the public view (cancels a schedule)")
                .description(WAIT)
                .etag()
                .problem(HttpStatus.CONFLICT, "Only a published or scheduled article can be unpublished.");
        operation(api, DELETE, "/api/articles/{id}/schedule")
                .id("cancelArticleSchedule")
                .summary("Call off a scheduled publication; what readers see stays as it is")
                .description("A scheduled draft goes back to DRAFT (UNPUBLISHED if it was taken down before); a live"
                        + " article with a scheduled new version stays PUBLISHED as it is. Reschedule by publishing"
                        + " again with another `at`.")
                .etag()
                .problem(HttpStatus.CONFLICT, "Nothing is scheduled for the article.");
        operation(api, DELETE, "/api/articles/{id}")
                .id("deleteArticle")
                .summary("Delete the article; it leaves search")
                .description("Deleting a published article needs ADMIN (an editor unpublishes it first).")
                .succeeds(HttpStatus.NO_CONTENT);
        operation(api, GET, "/api/articles/{id}/search-status")
                .id("getArticleSearchStatus")
                .summary("Whether readers' search shows the article as it is now")
                .description("`revision` is the revision since which readers see what they see now (absent while the"
                        + " article was never public), `searchRevision` the one search shows readers (absent when"
                        + " search lists none); `searchable` says whether search shows the current public state (for"
                        + " an unpublished or deleted article, status `DELETED`: whether it is gone from search).")
                .editorsOnly()
                .problem(HttpStatus.NOT_FOUND, "No article has this id.");
        accepted(api, "/api/articles/{id}/publish");
        accepted(api, "/api/articles/{id}/unpublish");
        operation(api, GET, "/api/articles/{id}/revisions")
                .id("listArticleRevisions")
                .summary("The article's revisions, newest first")
                .editorsOnly();
        operation(api, GET, "/api/articles/{id}/revisions/{revision}")
                .id("getArticleRevision")
                .summary("One revision's content")
                .editorsOnly();
        operation(api, POST, "/api/articles/{id}/revisions/{revision}/restore")
                .id("restoreArticleRevision")
                .summary("Make a revision's content current, as a new revision")
                .description("Restoring a revision of someone else's article needs ADMIN.")
                .ifMatchRequired()
                .etag();
    }
}
