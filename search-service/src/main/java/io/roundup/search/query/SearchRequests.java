package io.roundup.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import io.roundup.search.indexing.ReviewDocument;
import io.roundup.search.indices.SearchIndices;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Elasticsearch search a reader's search becomes, as pure functions of it: the query, the facet filters and
 * aggregations ({@link Facet}), the highlight ({@link Highlights}), the ordering and where the page starts.
 */
final class SearchRequests {

    /** The index analyzer: the same chain as searches use, minus the editors' synonyms. */
    static final String EXACT_ANALYZER = "prose";
    /**
     * Every word of the article as written, not stemmed: typos are matched here. A slip in a word the stemmer shortens
     * can change its stem by more than the edits allowed ("runnning" stems to "runnn", "running" stays "running";
     * "cancellign" stays, "cancelling" becomes "cancel"), so against stems such typos found nothing.
     */
    static final String TYPO_FIELD = "all_text.plain";
    /**
     * How far a word may be from the reader's to match: up to two edits from six letters on, so that a slip in a long
     * word still finds the roundup.
     */
    static final String TYPO_MATCH = "AUTO";
    /**
     * How far a word may be from the reader's to add to the score (and to be highlighted): one edit from three letters
     * on, never two. Two-edit variants of every word over eleven fields cost a quarter of a search's time over 10,000
     * roundups and mostly added near-misses to the score (docs/benchmarks.md, "Query cost, second round").
     */
    static final String ONE_EDIT = "AUTO:3,255";
    /** Every word of one or two, three quarters of the words when there are more. */
    static final String MOST_WORDS = "2<-25%";

    /** Where plain text is looked for, and how much a match there counts. */
    static final List<String> TEXT_FIELDS = List.of(
            "title^3",
            "products.name^3",
            "summary^2",
            "entries.heading^2",
            "intro",
            "entries.body",
            "entries.features.name",
            "entries.features.description",
            "sections.heading",
            "sections.body",
            "author.text");

    static final List<String> PHRASE_FIELDS =
            List.of("title^3", "summary^2", "intro", "entries.heading", "entries.body", "sections.body");
    /** The source a hit needs ({@code revision} too: the document record has it as a primitive). */
    static final List<String> HIT_FIELDS = List.of(
            "id", "revision", "slug", "title", "summary", "author", "category", "tags", "publishedAt", "products");

    /** How long a reader may take between two pages and still page through the same point in time. */
    static final Time POINT_IN_TIME_KEEP_ALIVE = Time.of(t -> t.time("2m"));

    private SearchRequests() {}

    /**
     * One page of {@code query}: from the point in time
     * {@code pit} when there is one, else from the live review index. The facet filters apply to the hits after the
     * aggregations ({@code post_filter}), and each facet is counted with every filter but its own, so that a reader
     * can widen a choice within a facet.
     */
    static SearchRequest search(SearchQuery query, @Nullable String pit) {
        return search(query, pit, HighlighterType.FastVector);
    }

    /** The same with the highlighter of the caller's choice: the unified one for an index without term vectors. */
    static SearchRequest search(SearchQuery query, @Nullable String pit, HighlighterType highlighter) {
        return SearchRequest.of(s -> {
            if (pit == null) {
                s.index(SearchIndices.REVIEWS);
            } else {
                s.pit(p -> p.id(pit).keepAlive(POINT_IN_TIME_KEEP_ALIVE));
            }
            s.query(mainQuery(query))
                    .postFilter(facetFilters(query, null))
                    .sort(sort(query.sort()))
                    .size(hitsAsked(query))
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.includes(HIT_FIELDS)));
            for (Facet facet : Facet.values()) {
                s.aggregations(facet.key(), facet.aggregation(facetFilters(query, facet)));
            }
            if (query.hasText()) {
                s.highlight(Highlights.request(query.text(), highlighter));
            }
            if (query.cursor() != null) {
                s.searchAfter(searchAfter(query.cursor()));
            }
            return s;
        });
    }

    /**
     * A page's hits, and after the first one hit more, to tell whether another page follows. The first page's exact
     * total comes from the same search, so it tells that by itself, and the extra hit would be fetched and highlighted
     * for nothing (a tenth of a search's time). A later page cannot go by the total: on a newest-first page it counts
     * what was published or unpublished since the first.
     */
    static int hitsAsked(SearchQuery query) {
        return query.cursor() == null ? query.size() : query.size() + 1;
    }

    /** Whether another page follows one whose search answered {@code hits} hits of {@code total}. */
    static boolean morePages(SearchQuery query, int hits, long total) {
        return query.cursor() == null ? total > hits : hits > query.size();
    }

    static Query published() {
        return Query.of(q -> q.term(t -> t.field("status").value(ReviewDocument.PUBLISHED)));
    }

    /**
     * Plain text: every word (give or take a typo, and a quarter of them when there are more than two) must occur
     * somewhere in the article, as written or as an editor's synonym; the score favours titles and product names, and
     * whole phrases. Typos are forgiven against the words as written ({@value #TYPO_FIELD}, no stemming, no synonyms):
     * fuzzy variants of every synonym would match far too much, and Elasticsearch cannot expand a multi-word synonym
     * fuzzily. The typo clause that adds to the score keeps every text field (over the four short ones only it was
     * about a tenth cheaper but cost "mistery novels" its first place in the judged suite) and allows one edit: a word
     * two edits away still matches, through {@value #TYPO_FIELD}, but scores only there.
     */
    static Query mainQuery(SearchQuery query) {
        if (!query.hasText()) {
            return Query.of(q -> q.bool(b -> b.filter(published())));
        }
        String text = query.text().strip();
        return Query.of(q -> q.bool(b -> b.filter(published())
                .must(m -> m.bool(every -> every.should(sh -> sh.match(mt -> mt.field(TYPO_FIELD)
                                .query(text)
                                .fuzziness(TYPO_MATCH)
                                .prefixLength(1)
                                .minimumShouldMatch(MOST_WORDS)))
                        .should(sh ->
                                sh.match(mt -> mt.field("all_text").query(text).minimumShouldMatch(MOST_WORDS)))
                        .minimumShouldMatch("1")))
                .should(sh -> sh.multiMatch(mm -> mm.query(text)
                        .fields(TEXT_FIELDS)
                        .type(TextQueryType.BestFields)
                        .analyzer(EXACT_ANALYZER)
                        .fuzziness(ONE_EDIT)
                        .prefixLength(1)
                        .tieBreaker(0.3)))
                .should(sh -> sh.multiMatch(mm -> mm.query(text)
                        .fields(TEXT_FIELDS)
                        .type(TextQueryType.BestFields)
                        .tieBreaker(0.3)))
                .should(sh -> sh.multiMatch(mm -> mm.query(text)
                        .fields(PHRASE_FIELDS)
                        .type(TextQueryType.Phrase)
                        .slop(1)
                        .boost(2.0f)))));
    }

    /** The facet filters, all of them or all but {@code except}'s: values within a facet are alternatives; facets combine. */
    static Query facetFilters(SearchQuery query, @Nullable Facet except) {
        return Query.of(q -> q.bool(b -> {
            for (Facet facet : Facet.values()) {
                if (facet != except) {
                    facet.filter(query).ifPresent(b::filter);
                }
            }
            return b;
        }));
    }

    /** Relevance first when asked for, then newest, then id: the tie-breaker that makes pages stable. */
    static List<SortOptions> sort(SortMode mode) {
        List<SortOptions> sort = new ArrayList<>();
        if (mode == SortMode.RELEVANCE) {
            sort.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
        }
        sort.add(SortOptions.of(s -> s.field(f -> f.field("publishedAt").order(SortOrder.Desc))));
        sort.add(SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));
        return sort;
    }

    /** A cursor's sort values as Elasticsearch takes them back ({@code search_after}). */
    static List<FieldValue> searchAfter(Cursor cursor) {
        return cursor.after().stream().map(SearchRequests::fieldValue).toList();
    }

    /** The sort values of a hit as a cursor keeps them: the other way round from {@link #searchAfter}. */
    static List<Object> cursorValues(List<FieldValue> sort) {
        return sort.stream().map(SearchRequests::sortValue).toList();
    }

    private static FieldValue fieldValue(Object value) {
        return switch (value) {
            case Double d -> FieldValue.of(d.doubleValue());
            case Long l -> FieldValue.of(l.longValue());
            case String s -> FieldValue.of(s);
            default -> throw new IllegalStateException("Unexpected sort value " + value);
        };
    }

    private static Object sortValue(FieldValue value) {
        return switch (value._kind()) {
            case Double -> value.doubleValue();
            case Long -> value.longValue();
            case String -> value.stringValue();
            default -> throw new IllegalStateException("Unexpected sort value " + value);
        };
    }
}
