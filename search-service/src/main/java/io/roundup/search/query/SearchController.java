package io.roundup.search.query;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public search API: readers need no token, and only published articles are ever returned. */
@RestController
@RequestMapping("/api/search")
class SearchController {

    /** Values a facet filter may take at once: far more than a reader ticks, few enough to keep the query small. */
    static final int MAX_VALUES = 20;

    private static final String TOO_MANY = "must be given at most " + MAX_VALUES + " times";

    private final PagedSearch search;
    private final SuggestionSearch suggestions;
    private final RelatedSearch related;

    SearchController(PagedSearch search, SuggestionSearch suggestions, RelatedSearch related) {
        this.search = search;
        this.suggestions = suggestions;
        this.related = related;
    }

    @GetMapping
    SearchResults search(
            @RequestParam(required = false) @Size(max = 200, message = "must be at most 200 characters") String q,
            @RequestParam(required = false) @Size(max = MAX_VALUES, message = TOO_MANY) List<String> category,
            @RequestParam(required = false) @Size(max = MAX_VALUES, message = TOO_MANY) List<String> tag,
            @RequestParam(required = false) @Size(max = MAX_VALUES, message = TOO_MANY) List<String> author,
            @RequestParam(required = false) @Size(max = MAX_VALUES, message = TOO_MANY) List<String> productKind,
            @RequestParam(required = false) @Size(max = MAX_VALUES, message = TOO_MANY) List<String> price,
            @RequestParam(required = false)
                    @Pattern(regexp = "relevance|newest", message = "must be relevance or newest")
                    String sort,
            @RequestParam(defaultValue = "10")
                    @Min(value = 1, message = "must be between 1 and 100")
                    @Max(value = 100, message = "must be between 1 and 100")
                    int size,
            @RequestParam(required = false) @Size(max = 3000, message = "is not a valid cursor") String cursor) {
        boolean hasText = q != null && !q.isBlank();
        // Without text there is nothing to rank by: the newest come first, whatever was asked.
        SortMode mode = hasText ? SortMode.of(sort == null ? "relevance" : sort).orElseThrow() : SortMode.NEWEST;
        Cursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            after = Cursor.decode(cursor.strip());
            if (after.mode() != mode) {
                throw new InvalidCursor();
            }
        }
        return search.search(new SearchQuery(
                q,
                values(category),
                values(tag),
                values(author),
                values(productKind),
                priceBands(price),
                mode,
                size,
                after));
    }

    @GetMapping("/suggest")
    Suggestions suggest(
            @RequestParam(required = false) @Size(max = 100, message = "must be at most 100 characters") String q) {
        return suggestions.suggest(q);
    }

    @GetMapping("/related/{articleId}")
    RelatedReviews related(@PathVariable String articleId) {
        return related.related(articleId);
    }

    private static List<PriceBand> priceBands(List<String> params) {
        return values(params).stream()
                .map(key -> PriceBand.of(key)
                        .orElseThrow(() ->
                                new InvalidFilter("price", "must be one of " + String.join(", ", PriceBand.keys()))))
                .distinct()
                .toList();
    }

    private static List<String> values(List<String> params) {
        return params == null
                ? List.of()
                : params.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }
}
