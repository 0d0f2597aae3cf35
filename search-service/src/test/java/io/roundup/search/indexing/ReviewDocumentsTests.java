package io.roundup.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import io.roundup.events.ArticleChanged;
import io.roundup.events.ArticleContent;
import io.roundup.events.ArticleStatus;
import io.roundup.events.Money;
import io.roundup.events.Offer;
import io.roundup.events.ProductChanged;
import io.roundup.events.ProductRemoved;
import io.roundup.search.indexing.ReviewDocument.Price;
import io.roundup.search.indexing.ReviewDocument.ProductSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReviewDocumentsTests {

    private static final Instant PUBLISHED_AT = Instant.parse("2026-11-22T08:00:00Z");

    private static final ArticleContent CONTENT = new ArticleContent(
            "Best Headphones for Late-Night Mixing",
            "Four closed-back pairs that keep the neighbours happy.",
            "Audio",
            List.of("headphones", "Studio"),
            new ArticleContent.Author("Ada Marlowe", "Mixes records in a small flat."),
            "Mixing at night means closed backs.",
            List.of(
                    new ArticleContent.Entry(2, "p-2", "Harbor Closed", "Deep and dark.", List.of()),
                    new ArticleContent.Entry(
                            1,
                            "p-1",
                            "Northwind Studio",
                            "Flat and light.",
                            List.of(new ArticleContent.Feature("Driver", "40 mm dynamic"))),
                    new ArticleContent.Entry(3, "p-1", "Northwind again", "Listed twice.", null)),
            List.of(new ArticleContent.Section("Buying guide", "Check the clamping force.")));

    @Test
    void aPublishedArticleBecomesAFullDocument() {
        ArticleChanged event = new ArticleChanged(
                "a-1", 7, PUBLISHED_AT, ArticleStatus.PUBLISHED, "best-headphones", PUBLISHED_AT, CONTENT);
        List<ProductSummary> products =
                List.of(new ProductSummary("p-1", "Northwind Studio Monitor", "gear", new Price("129.00", "USD")));

        ReviewDocument review = ReviewDocuments.published(event, products);

        assertThat(review.id()).isEqualTo("a-1");
        assertThat(review.revision()).isEqualTo(7);
        assertThat(review.status()).isEqualTo("PUBLISHED");
        assertThat(review.isPublished()).isTrue();
        assertThat(review.slug()).isEqualTo("best-headphones");
        assertThat(review.title()).isEqualTo("Best Headphones for Late-Night Mixing");
        assertThat(review.summary()).isEqualTo("Four closed-back pairs that keep the neighbours happy.");
        assertThat(review.intro()).isEqualTo("Mixing at night means closed backs.");
        assertThat(review.category()).isEqualTo("Audio");
        assertThat(review.tags()).containsExactly("headphones", "Studio");
        assertThat(review.author()).isEqualTo("Ada Marlowe");
        assertThat(review.publishedAt()).isEqualTo(PUBLISHED_AT);
        assertThat(review.entries()).extracting(ReviewDocument.Entry::rank).containsExactly(1, 2, 3);
        assertThat(review.entries().getFirst().features())
                .containsExactly(new ReviewDocument.Feature("Driver", "40 mm dynamic"));
        assertThat(review.entries().getLast().features()).isEmpty();
        assertThat(review.sections())
                .containsExactly(new ReviewDocument.Section("Buying guide", "Check the clamping force."));
        assertThat(review.productIds()).containsExactly("p-1", "p-2");
        assertThat(review.products()).isEqualTo(products);
        assertThat(review.suggest().input())
                .containsExactly(
                        "Best Headphones for Late-Night Mixing",
                        "Headphones for Late-Night Mixing",
                        "for Late-Night Mixing",
                        "Late-Night Mixing",
                        "Mixing",
                        "Northwind Studio Monitor",
                        "Studio Monitor",
                        "Monitor");
    }

    @Test
    void documentsHoldOnlyTheMappedFields() {
        JsonMapper json = new Jackson3JsonpMapper().objectMapper();
        ArticleChanged event =
                new ArticleChanged("a-1", 7, PUBLISHED_AT, ArticleStatus.PUBLISHED, "s", PUBLISHED_AT, CONTENT);
        ReviewDocument review = ReviewDocuments.published(
                event, List.of(new ProductSummary("p-1", "N", "gear", new Price("129.00", "USD"))));

        JsonNode written = json.readTree(json.writeValueAsString(review));
        assertThat(written.propertyNames())
                .containsExactlyInAnyOrder(
                        "id",
                        "revision",
                        "status",
                        "slug",
                        "title",
                        "summary",
                        "intro",
                        "category",
                        "tags",
                        "author",
                        "publishedAt",
                        "entries",
                        "sections",
                        "productIds",
                        "products",
                        "suggest");
        assertThat(written.path("publishedAt").asString()).isEqualTo("2026-11-22T08:00:00Z");
        assertThat(written.path("products")
                        .get(0)
                        .path("lowestPrice")
                        .path("amount")
                        .asString())
                .isEqualTo("129.00");
        assertThat(json.readValue(json.writeValueAsString(review), ReviewDocument.class))
                .isEqualTo(review);

        JsonNode tombstone =
                json.readTree(json.writeValueAsString(ReviewDocuments.tombstone("a-1", 8, "UNPUBLISHED", null)));
        assertThat(tombstone.propertyNames()).containsExactlyInAnyOrder("id", "revision", "status");

        ProductDocument product = new ProductDocument("p-1", 2, "ACTIVE", "N", "gear", null, new Price("1.00", "EUR"));
        JsonNode productJson = json.readTree(json.writeValueAsString(product));
        assertThat(productJson.propertyNames())
                .containsExactlyInAnyOrder("id", "revision", "status", "name", "kind", "lowestPrice");
    }

    @Test
    void freshProductsAlsoRefreshTheSuggestions() {
        ArticleChanged event =
                new ArticleChanged("a-1", 7, PUBLISHED_AT, ArticleStatus.PUBLISHED, "s", PUBLISHED_AT, CONTENT);
        ReviewDocument review = ReviewDocuments.published(event, List.of());

        ReviewDocument refreshed =
                review.withProducts(List.of(new ProductSummary("p-2", "Harbor Closed 2", "gear", null)));

        assertThat(refreshed.revision()).isEqualTo(7);
        assertThat(refreshed.products()).extracting(ProductSummary::name).containsExactly("Harbor Closed 2");
        assertThat(refreshed.suggest().input()).contains("Harbor Closed 2");
        assertThat(refreshed.entries()).isEqualTo(review.entries());
    }

    @Test
    void anyOtherStateIsATombstoneWithoutContent() {
        ReviewDocument tombstone = ReviewDocuments.tombstone("a-1", 8, "UNPUBLISHED", "best-headphones");

        assertThat(tombstone.id()).isEqualTo("a-1");
        assertThat(tombstone.revision()).isEqualTo(8);
        assertThat(tombstone.status()).isEqualTo("UNPUBLISHED");
        assertThat(tombstone.isPublished()).isFalse();
        assertThat(tombstone.title()).isNull();
        assertThat(tombstone.entries()).isNull();
        assertThat(tombstone.products()).isNull();
        assertThat(tombstone.suggest()).isNull();
    }

    @Test
    void aProductKeepsItsLowestPrice() {
        ProductChanged event = new ProductChanged(
                "p-1",
                3,
                PUBLISHED_AT,
                "Northwind",
                "gear",
                "Northwind",
                Map.of(),
                List.of(
                        offer("129.00", "USD"),
                        offer("119.50", "USD"),
                        offer("99.00", "EUR"),
                        offer("abc", "USD"),
                        offer("-1", "USD"),
                        new Offer("x", "https://x", null)),
                null);

        ProductDocument product = ReviewDocuments.product(event);

        assertThat(product)
                .isEqualTo(new ProductDocument(
                        "p-1", 3, "ACTIVE", "Northwind", "gear", "Northwind", new Price("119.50", "USD")));
        assertThat(product.summary())
                .isEqualTo(new ProductSummary("p-1", "Northwind", "gear", new Price("119.50", "USD")));
    }

    @Test
    void aProductWithoutOffersHasNoPrice() {
        assertThat(ReviewDocuments.lowestPrice(List.of())).isNull();
        assertThat(ReviewDocuments.lowestPrice(null)).isNull();
        assertThat(ReviewDocuments.lowestPrice(List.of(offer("9.99", "GBP"), offer("12", "USD"))))
                .isEqualTo(new Price("9.99", "GBP"));
    }

    @Test
    void aRemovedProductIsATombstone() {
        ProductDocument removed = ReviewDocuments.removed(new ProductRemoved("p-1", 4, PUBLISHED_AT));

        assertThat(removed.isActive()).isFalse();
        assertThat(removed.revision()).isEqualTo(4);
        assertThat(removed.name()).isNull();
    }

    private static Offer offer(String amount, String currency) {
        return new Offer("Shop", "https://shop.example.com", new Money(amount, currency));
    }
}
