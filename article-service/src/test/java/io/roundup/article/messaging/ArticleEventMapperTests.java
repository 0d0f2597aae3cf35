package io.roundup.article.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.article.Fixtures;
import io.roundup.events.ArticleChanged;
import io.roundup.events.ArticleContent;
import io.roundup.events.ArticleRemoved;
import io.roundup.events.ArticleStatus;
import io.roundup.events.EventCodec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleEventMapperTests {

    private final ArticleEventMapper mapper = new ArticleEventMapper();

    @Test
    void aPublishedArticleCarriesItsPublishedContent() {
        ArticleChanged event = (ArticleChanged) mapper.toEvent(Fixtures.published("Live"));

        assertThat(event.articleId()).isEqualTo(Fixtures.ARTICLE_ID);
        assertThat(event.revision()).isEqualTo(2);
        assertThat(event.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(event.slug()).isEqualTo("best-headphones");
        assertThat(event.publishedAt()).isEqualTo(Fixtures.T0.plusSeconds(60));
        assertThat(event.published().title()).isEqualTo("Live");
        assertThat(event.published().entries())
                .singleElement()
                .isEqualTo(new ArticleContent.Entry(
                        1,
                        Fixtures.PRODUCT_ID,
                        "Northwind Studio Monitor",
                        "Flat, forgiving and light.",
                        java.util.List.of(new ArticleContent.Feature("Driver", "40 mm dynamic"))));
    }

    @Test
    void anUnpublishedEditOfAPublishedArticleNeverGoesOnTheWire() {
        ArticleChanged event = (ArticleChanged) mapper.toEvent(Fixtures.publishedWithDraft("Live", "Draft"));

        assertThat(event.revision()).isEqualTo(3);
        assertThat(event.published().title()).isEqualTo("Live");
    }

    @Test
    void articlesReadersCannotSeeCarryNoContent() {
        assertThat(((ArticleChanged) mapper.toEvent(Fixtures.draft("Draft"))).published())
                .isNull();
        assertThat(((ArticleChanged)
                        mapper.toEvent(Fixtures.scheduled("Draft", Instant.parse("2030-01-01T00:00:00Z")))))
                .extracting(ArticleChanged::status, ArticleChanged::published)
                .containsExactly(ArticleStatus.SCHEDULED, null);
        assertThat(((ArticleChanged) mapper.toEvent(Fixtures.unpublished("Gone"))))
                .extracting(ArticleChanged::status, ArticleChanged::published)
                .containsExactly(ArticleStatus.UNPUBLISHED, null);
    }

    @Test
    void aDeletedArticleIsAnnouncedAsRemovedAtItsRevision() {
        ArticleRemoved event = (ArticleRemoved) mapper.toEvent(Fixtures.deleted("Gone"));

        assertThat(event).isEqualTo(new ArticleRemoved(Fixtures.ARTICLE_ID, 3, Fixtures.T0.plusSeconds(240)));
    }

    @Test
    void theEventRoundTripsThroughTheSharedCodec() {
        EventCodec codec = new EventCodec();
        ArticleChanged event = (ArticleChanged) mapper.toEvent(Fixtures.published("Live"));

        assertThat(codec.read("roundup.article.v1", codec.write(event))).isEqualTo(event);
    }
}
