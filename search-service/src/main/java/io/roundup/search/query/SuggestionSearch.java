package io.roundup.search.query;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import io.roundup.search.indexing.ReviewDocument;
import io.roundup.search.indices.SearchIndices;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Completes what a reader types into titles and product names of published reviews, each leading to its review. */
@Service
class SuggestionSearch {

    static final int MAX_SUGGESTIONS = 10;
    private static final String SUGGESTER = "reviews";

    private final SearchCalls calls;

    SuggestionSearch(SearchCalls calls) {
        this.calls = calls;
    }

    Suggestions suggest(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return new Suggestions(List.of());
        }
        SearchResponse<ReviewDocument> response =
                calls.call(client -> client.search(request(prefix.strip()), ReviewDocument.class));
        Map<String, Suggestions.Suggestion> distinct = new LinkedHashMap<>();
        for (Suggestion<ReviewDocument> suggestion : response.suggest().getOrDefault(SUGGESTER, List.of())) {
            for (CompletionSuggestOption<ReviewDocument> option :
                    suggestion.completion().options()) {
                ReviewDocument review = option.source();
                if (review != null
                        && review.isPublished()
                        && review.slug() != null
                        && distinct.size() < MAX_SUGGESTIONS) {
                    String shown = suggestionText(review, option.text());
                    distinct.putIfAbsent(
                            shown + "\n" + review.slug(), new Suggestions.Suggestion(shown, review.slug()));
                }
            }
        }
        return new Suggestions(List.copyOf(distinct.values()));
    }

    /**
     * Completions of {@code text}, a typo forgiven from four letters on; more than are shown, since unpublished
     * reviews and repeats are left out afterwards.
     */
    static SearchRequest request(String text) {
        return SearchRequest.of(s -> s.index(SearchIndices.REVIEWS)
                .size(0)
                .source(src ->
                        src.filter(f -> f.includes("id", "revision", "slug", "title", "status", "products.name")))
                .suggest(sg -> sg.suggesters(
                        SUGGESTER,
                        fs -> fs.prefix(text)
                                .completion(c -> c.field("suggest")
                                        .size(MAX_SUGGESTIONS * 3)
                                        .skipDuplicates(true)
                                        .fuzzy(fz -> fz.fuzziness("AUTO")
                                                .minLength(4)
                                                .prefixLength(1))))));
    }

    /**
     * What the reader sees: the product's whole name when the prefix completed one or a later word of one (it leads
     * to the review that ranks it), else the review's title (also when the prefix matched a later word of it).
     */
    private static String suggestionText(ReviewDocument review, String completed) {
        String tail = completed == null ? "" : completed.toLowerCase(java.util.Locale.ROOT);
        if (review.products() != null && !tail.isEmpty()) {
            for (ReviewDocument.ProductSummary product : review.products()) {
                if (product.name() != null
                        && product.name()
                                .strip()
                                .toLowerCase(java.util.Locale.ROOT)
                                .endsWith(tail)) {
                    return product.name();
                }
            }
        }
        return review.title();
    }
}
