package io.roundup.search;

import static io.roundup.support.openapi.ApiDocs.operation;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What search's OpenAPI document says beyond what springdoc reads from the controllers (reader search, reindex,
 * synonyms) and the platform's conventions add: the answers' meaning, the admins' 202s, examples.
 */
@Component
class SearchApiDocs implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        operation(api, GET, "/api/search")
                .id("search")
                .summary("Search published reviews")
                .description("`q` is plain text (typos within reason still match); without it, every published "
                        + "review that matches the filters, newest first. Repeat a filter for several values; "
                        + "facet counts honour every filter but their own. Follow `nextCursor` for the next page; "
                        + "it is absent on the last one.")
                .problem(HttpStatus.SERVICE_UNAVAILABLE, "Search cannot reach its index for a moment.")
                .example("One hit for \"cancelling\"", "openapi/search-answer.json");
        operation(api, GET, "/api/search/suggest")
                .id("suggest")
                .summary("Complete what a reader is typing: titles and product names")
                .example("Completions of \"aur\"", "openapi/suggestions.json");
        operation(api, GET, "/api/search/related/{articleId}")
                .id("relatedReviews")
                .summary("Reviews most like a published one: the same category first");
        operation(api, POST, "/api/search/reindex")
                .id("startReindex")
                .summary("Rebuild the indices from the event topics while search keeps answering")
                .succeeds(HttpStatus.ACCEPTED)
                .location()
                .example("A job that has started", "openapi/reindex-job.json");
        operation(api, GET, "/api/search/reindex/{id}")
                .id("getReindexJob")
                .summary("How far a reindex got (the last 20 jobs stay readable)");
        operation(api, GET, "/api/search/synonyms")
                .id("getSynonyms")
                .summary("The editors' synonym rules (Solr format)")
                .etag();
        operation(api, PUT, "/api/search/synonyms")
                .id("replaceSynonyms")
                .summary("Replace the synonym rules; a reindex brings them into effect")
                .description("Every rule is checked first: a bad one is a 400 naming `rules[i]`, and nothing "
                        + "changes. The answer is the saved rules and the reindex job.")
                .succeeds(HttpStatus.ACCEPTED)
                .location()
                .etag()
                .requestExample("Two rules", "openapi/synonyms.json");
    }
}
