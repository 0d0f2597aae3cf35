package io.roundup.search.query;

import co.elastic.clients.elasticsearch.core.search.Hit;
import io.roundup.search.indexing.ReviewDocument;
import java.util.List;
import java.util.Map;

/** Indexed reviews as the API shows them: a hit of a search or of related reviews. */
final class Hits {

    private Hits() {}

    static SearchResults.Hit of(Hit<ReviewDocument> hit) {
        return of(hit.source(), hit.highlight());
    }

    static SearchResults.Hit of(ReviewDocument review, Map<String, List<String>> fragmentsByField) {
        List<SearchResults.Product> products = review.products() == null
                ? List.of()
                : review.products().stream()
                        .map(p -> new SearchResults.Product(
                                p.id(),
                                p.name(),
                                p.kind(),
                                p.lowestPrice() == null
                                        ? null
                                        : new SearchResults.Price(
                                                p.lowestPrice().amount(),
                                                p.lowestPrice().currency())))
                        .toList();
        return new SearchResults.Hit(
                review.id(),
                review.slug(),
                review.title(),
                review.summary(),
                review.author(),
                review.category(),
                review.tags() == null ? List.of() : review.tags(),
                review.publishedAt(),
                products,
                Highlights.byName(fragmentsByField));
    }
}
