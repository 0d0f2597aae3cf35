package io.roundup.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.article.Article;
import io.roundup.article.Fixtures;
import io.roundup.article.ProductCard;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.json.JacksonTester;
import org.springframework.boot.test.json.JsonContent;

@JsonTest
class ArticleViewJsonTests {

    @Autowired
    JacksonTester<ArticleView> json;

    @Test
    void readersSeeThePublishedSnapshotAndNoEditorialState() throws Exception {
        Article other = Fixtures.publishedWithDraft("Older Live", "Older Draft");
        ProductCard card = new ProductCard(
                Fixtures.PRODUCT_ID,
                "Northwind",
                "gear",
                "Nord",
                List.of(new ProductCard.Offer(
                        "Shop", "https://shop.example.com/n", new ProductCard.Price("99.00", "EUR"))));
        JsonContent<ArticleView> content = json.write(ArticleView.forReader(
                Fixtures.publishedWithDraft("Live", "Draft"),
                new ArticleView.PageExtras(List.of(other), Map.of(Fixtures.PRODUCT_ID, card))));

        assertThat(content).extractingJsonPathStringValue("$.title").isEqualTo("Live");
        assertThat(content).extractingJsonPathStringValue("$.status").isEqualTo("PUBLISHED");
        assertThat(content).extractingJsonPathStringValue("$.publishedAt").isEqualTo("2026-03-01T10:01:00Z");
        assertThat(content).extractingJsonPathNumberValue("$.revision").isEqualTo(3);
        assertThat(content).extractingJsonPathStringValue("$.author.name").isEqualTo("Ada Marlowe");
        assertThat(content).extractingJsonPathNumberValue("$.entries[0].rank").isEqualTo(1);
        assertThat(content)
                .extractingJsonPathStringValue("$.entries[0].features[0].description")
                .isEqualTo("40 mm dynamic");
        assertThat(content)
                .extractingJsonPathStringValue("$.sections[0].heading")
                .isEqualTo("Buying guide");
        assertThat(content)
                .extractingJsonPathStringValue("$.authorLatest[0].title")
                .as("the other's published title")
                .isEqualTo("Older Live");
        assertThat(content)
                .extractingJsonPathStringValue("$.authorLatest[0].slug")
                .isEqualTo(other.publicSlug());
        assertThat(content)
                .extractingJsonPathStringValue("$.entries[0].product.name")
                .isEqualTo("Northwind");
        assertThat(content)
                .extractingJsonPathStringValue("$.entries[0].product.offers[0].price.amount")
                .isEqualTo("99.00");
        for (String editorial : new String[] {
            "hasUnpublishedChanges",
            "createdBy",
            "updatedBy",
            "updatedAt",
            "scheduledAt",
            "slugHistory",
            "published",
            "announcePending",
            "lastRequestId",
            "deleted"
        }) {
            assertThat(content).doesNotHaveJsonPath("$." + editorial);
        }
    }

    @Test
    void editorsSeeTheWorkingCopyWithItsWorkflowState() throws Exception {
        JsonContent<ArticleView> content =
                json.write(ArticleView.forEditor(Fixtures.publishedWithDraft("Live", "Draft")));

        assertThat(content).extractingJsonPathStringValue("$.title").isEqualTo("Draft");
        assertThat(content)
                .extractingJsonPathBooleanValue("$.hasUnpublishedChanges")
                .isTrue();
        assertThat(content).extractingJsonPathStringValue("$.createdAt").isEqualTo("2026-03-01T10:00:00Z");
        assertThat(content).extractingJsonPathStringValue("$.updatedBy").isEqualTo("editor");
        assertThat(content).extractingJsonPathArrayValue("$.slugHistory").isEmpty();
        assertThat(content).doesNotHaveJsonPath("$.announcePending");
    }
}
