package io.roundup.search.query;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.roundup.search.indexing.ReviewDocument;
import io.roundup.search.indices.SearchIndices;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/** The reviews a reader of one review may want next: the most alike in its category, then the most alike elsewhere. */
@Service
class RelatedSearch {

    static final int RELATED = 5;

    static final List<String> MORE_LIKE_FIELDS =
            List.of("title", "summary", "intro", "entries.heading", "entries.body", "sections.body");

    private final SearchCalls calls;

    RelatedSearch(SearchCalls calls) {
        this.calls = calls;
    }

    RelatedReviews related(String articleId) {
        if (articleId == null || articleId.isBlank() || articleId.length() > 512) {
            throw new ArticleNotFound(String.valueOf(articleId));
        }
        GetResponse<ReviewDocument> article = calls.call(client -> client.get(
                g -> g.index(SearchIndices.REVIEWS)
                        .id(articleId)
                        .sourceIncludes("id", "revision", "status", "category"),
                ReviewDocument.class));
        if (!article.found() || article.source() == null || !article.source().isPublished()) {
            throw new ArticleNotFound(articleId);
        }
        String category = article.source().category();
        List<SearchResults.Hit> related = new ArrayList<>();
        if (category != null) {
            related.addAll(search(sameCategory(article.index(), articleId, category, RELATED)));
        }
        if (related.size() < RELATED) {
            related.addAll(search(elsewhere(article.index(), articleId, category, RELATED - related.size())));
        }
        return new RelatedReviews(related);
    }

    /** Same category first: every review there qualifies, the most alike first, then the newest. */
    static SearchRequest sameCategory(String index, String articleId, String category, int size) {
        return request(
                articleId,
                size,
                b -> b.filter(f -> f.term(t -> t.field("category").value(category)))
                        .should(moreLikeThis(index, articleId)));
    }

    /** Then the most alike from other categories ({@code category} may be null); those share words, not just a shelf. */
    static SearchRequest elsewhere(String index, String articleId, String category, int size) {
        return request(articleId, size, b -> {
            b.must(moreLikeThis(index, articleId));
            if (category != null) {
                b.mustNot(n -> n.term(t -> t.field("category").value(category)));
            }
            return b;
        });
    }

    private List<SearchResults.Hit> search(SearchRequest request) {
        SearchResponse<ReviewDocument> response = calls.call(client -> client.search(request, ReviewDocument.class));
        return response.hits().hits().stream().map(Hits::of).toList();
    }

    /** Published reviews other than the article itself that meet {@code criteria}, best first. */
    private static SearchRequest request(
            String articleId, int size, Function<BoolQuery.Builder, BoolQuery.Builder> criteria) {
        return SearchRequest.of(s -> s.index(SearchIndices.REVIEWS)
                .size(size)
                .source(src -> src.filter(f -> f.includes(SearchRequests.HIT_FIELDS)))
                .query(q -> q.bool(b -> criteria.apply(
                        b.filter(SearchRequests.published()).mustNot(n -> n.ids(i -> i.values(articleId))))))
                .sort(SearchRequests.sort(SortMode.RELEVANCE)));
    }

    private static Query moreLikeThis(String index, String articleId) {
        return Query.of(q -> q.moreLikeThis(mlt -> mlt.fields(MORE_LIKE_FIELDS)
                .like(l -> l.document(d -> d.index(index).id(articleId)))
                .minTermFreq(1)
                .minDocFreq(1)
                .maxQueryTerms(40)
                .minimumShouldMatch("10%")));
    }
}
