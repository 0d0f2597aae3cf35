package io.roundup.search.query;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.roundup.search.indexing.ReviewDocument;
import io.roundup.search.indices.SearchIndices;
import io.roundup.search.query.SearchResults.FacetCount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs readers' searches page by page ({@link SearchRequests} builds each one): the next page's cursor, and for
 * relevance-sorted pages a point in time to read them all from; the answer's hits and facet counts in API shapes.
 */
@Service
class PagedSearch {

    private static final Logger log = LoggerFactory.getLogger(PagedSearch.class);

    private final SearchCalls calls;

    private final HighlighterChoice highlighters;

    PagedSearch(SearchCalls calls, HighlighterChoice highlighters) {
        this.calls = calls;
        this.highlighters = highlighters;
    }

    SearchResults search(SearchQuery query) {
        Cursor cursor = query.cursor();
        // Relevance-sorted pages after the first are read from one point in time, so that scores cannot shift between
        // pages (a hit twice, or never); the second page opens it. Newest-first pages need none: dates do not move.
        String pit = cursor == null || query.sort() != SortMode.RELEVANCE
                ? null
                : cursor.pit() != null ? cursor.pit() : openPointInTime();
        SearchResponse<ReviewDocument> response = execute(query, pit);
        // Absent when no point in time was asked for, or the one asked for could not be used.
        String usedPit = response.pitId();

        List<Hit<ReviewDocument>> hits = response.hits().hits();
        List<Hit<ReviewDocument>> page = hits.subList(0, Math.min(hits.size(), query.size()));
        long total = response.hits().total() == null
                ? page.size()
                : response.hits().total().value();
        String next = null;
        if (!page.isEmpty() && SearchRequests.morePages(query, hits.size(), total)) {
            next = new Cursor(
                            query.sort(),
                            SearchRequests.cursorValues(page.getLast().sort()),
                            usedPit)
                    .encode();
        }
        if (usedPit != null && next == null) {
            closePointInTime(usedPit);
        }
        List<SearchResults.Hit> shown =
                usedPit == null ? page.stream().map(Hits::of).toList() : asTheyAreNow(page);
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            facets.put(facet.key(), facet.counts(response.aggregations().get(facet.key())));
        }
        return new SearchResults(total, shown, facets, next);
    }

    private SearchResponse<ReviewDocument> execute(SearchQuery query, String pit) {
        try {
            return highlighted(query, pit);
        } catch (ElasticsearchException | SearchUnavailable ex) {
            if (pit == null) {
                throw ex;
            }
            // Expired (a reader who came back after a while), closed by a reindex, or not ours: read the live index.
            log.debug("Point in time unusable ({}); searching the live index", ex.getMessage());
            return highlighted(query, null);
        }
    }

    /** The search with the fast vector highlighter, or the unified one when the index has no term vectors for it. */
    private SearchResponse<ReviewDocument> highlighted(SearchQuery query, String pit) {
        HighlighterType type = query.hasText() ? highlighters.current() : HighlighterType.Unified;
        try {
            return calls.call(client -> client.search(SearchRequests.search(query, pit, type), ReviewDocument.class));
        } catch (ElasticsearchException ex) {
            if (type != HighlighterType.FastVector || !HighlighterChoice.refusesFastVectors(ex)) {
                throw ex;
            }
            highlighters.fallBack();
            return calls.call(client ->
                    client.search(SearchRequests.search(query, pit, HighlighterType.Unified), ReviewDocument.class));
        }
    }

    /** A point in time of the review index, or null when Elasticsearch will not open one (too many open, say). */
    private String openPointInTime() {
        try {
            return calls.call(client -> client.openPointInTime(
                            o -> o.index(SearchIndices.REVIEWS).keepAlive(SearchRequests.POINT_IN_TIME_KEEP_ALIVE)))
                    .id();
        } catch (SearchUnavailable | ElasticsearchException ex) {
            log.debug("Could not open a point in time ({}); searching the live index", ex.toString());
            return null;
        }
    }

    /** The last page has been read: the point in time need not wait for its keep-alive to run out. */
    private void closePointInTime(String pit) {
        calls.client().closePointInTime(c -> c.id(pit)).exceptionally(ex -> {
            log.debug("Could not close a point in time ({}); it expires by itself", ex.toString());
            return null;
        });
    }

    /**
     * The hits of a page read from a point in time, as they are now: one that was unpublished or removed since is left
     * out, one edited since shows its current content (the order stays the snapshot's). Readers never see what is
     * no longer published.
     */
    private List<SearchResults.Hit> asTheyAreNow(List<Hit<ReviewDocument>> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<String> ids = page.stream().map(Hit::id).toList();
        MgetResponse<ReviewDocument> current = calls.call(client -> client.mget(
                m -> m.index(SearchIndices.REVIEWS)
                        .ids(ids)
                        .sourceIncludes(SearchRequests.HIT_FIELDS)
                        .sourceIncludes("status"),
                ReviewDocument.class));
        Map<String, ReviewDocument> now = new HashMap<>();
        for (MultiGetResponseItem<ReviewDocument> item : current.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null) {
                now.put(item.result().id(), item.result().source());
            }
        }
        List<SearchResults.Hit> shown = new ArrayList<>(page.size());
        for (Hit<ReviewDocument> hit : page) {
            ReviewDocument review = now.get(hit.id());
            if (review != null && review.isPublished()) {
                shown.add(Hits.of(review, review.revision() == hit.source().revision() ? hit.highlight() : Map.of()));
            }
        }
        return shown;
    }
}
