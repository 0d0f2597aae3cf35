package io.roundup.search.indexing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.roundup.search.indices.SearchIndices;
import java.time.Instant;
import java.util.List;

/**
 * A review as the {@value SearchIndices#REVIEWS} index stores it. A published article carries its content; any other
 * state is a tombstone that keeps only {@code id}, {@code revision}, {@code status} and {@code slug}, so that a late,
 * older "published" event is refused by the external version instead of bringing the article back.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReviewDocument(
        String id,
        long revision,
        String status,
        String slug,
        String title,
        String summary,
        String intro,
        String category,
        List<String> tags,
        String author,
        Instant publishedAt,
        List<Entry> entries,
        List<Section> sections,
        List<String> productIds,
        List<ProductSummary> products,
        Suggest suggest) {

    public static final String PUBLISHED = "PUBLISHED";

    @JsonIgnore
    public boolean isPublished() {
        return PUBLISHED.equals(status);
    }

    ReviewDocument withProducts(List<ProductSummary> fresh) {
        return new ReviewDocument(
                id,
                revision,
                status,
                slug,
                title,
                summary,
                intro,
                category,
                tags,
                author,
                publishedAt,
                entries,
                sections,
                productIds,
                fresh,
                ReviewDocuments.suggestions(title, fresh));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(int rank, String productId, String heading, String body, List<Feature> features) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Feature(String name, String description) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Section(String heading, String body) {}

    /** The product data a review shows next to its entry: kept fresh by the product events. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductSummary(String id, String name, String kind, Price lowestPrice) {}

    /** An amount as the decimal string it arrived as (the index maps it as a number), and its currency. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Price(String amount, String currency) {}

    /** Completion inputs: the title, its word suffixes and the product names, so a prefix of any word finds it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Suggest(List<String> input) {}
}
