package io.roundup.search.query;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Elasticsearch request that search-service sends for a reader's first page, for tools outside the service: the
 * search benchmark replays exactly this body straight at Elasticsearch, so that what the gateway and the service add
 * can be told from what the query costs, without a hand copy of the query to keep in step. Nothing in the service
 * calls it; it only opens {@link SearchRequests} to them.
 */
public final class ReaderSearchRequests {

    /** The API's default page size. */
    static final int FIRST_PAGE_SIZE = 10;

    private ReaderSearchRequests() {}

    /**
     * {@code GET /api/search?q=<text>&<filter>=<value>…} as search-service asks it of Elasticsearch: relevance order when
     * there is text, newest first when there is none, a page of ten, no cursor. {@code filters} are keyed by the API's
     * parameter names ({@code category}, {@code tag}, {@code author}, {@code productKind}, {@code price}).
     */
    public static SearchRequest firstPage(@Nullable String text, Map<String, List<String>> filters) {
        boolean hasText = text != null && !text.isBlank();
        List<PriceBand> prices = filters.getOrDefault("price", List.of()).stream()
                .map(key -> PriceBand.of(key).orElseThrow(() -> new IllegalArgumentException("no price band " + key)))
                .toList();
        SearchQuery query = new SearchQuery(
                text,
                filters.getOrDefault("category", List.of()),
                filters.getOrDefault("tag", List.of()),
                filters.getOrDefault("author", List.of()),
                filters.getOrDefault("productKind", List.of()),
                prices,
                hasText ? SortMode.RELEVANCE : SortMode.NEWEST,
                FIRST_PAGE_SIZE,
                null);
        return SearchRequests.search(query, null);
    }
}
