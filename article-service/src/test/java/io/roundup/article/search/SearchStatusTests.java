package io.roundup.article.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.article.Article;
import io.roundup.article.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Whether search shows an article as it is now, worked out from the article and what search last announced. */
class SearchStatusTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void aDraftHasNoPublicRevisionAndIsTriviallyAbsentFromSearch() {
        Article draft = Fixtures.draft("T");

        SearchStatus status = SearchStatus.of(draft, null, NOW);

        assertThat(status.status()).isEqualTo("DRAFT");
        assertThat(status.revision()).isNull();
        assertThat(status.searchRevision()).isNull();
        assertThat(status.searchable()).isTrue();
        assertThat(status.checkedAt()).isEqualTo(NOW);
        assertThat(SearchStatus.of(draft, gone(draft.revision()), NOW).searchable())
                .as("its tombstone in search")
                .isTrue();
    }

    @Test
    void aPublishedArticleIsSearchableOnceSearchListsItsPublicRevision() {
        Article published = Fixtures.published("T");

        assertThat(published.publicRevision()).isEqualTo(published.revision());
        SearchStatus notYet = SearchStatus.of(published, null, NOW);
        assertThat(notYet.revision()).isEqualTo(2);
        assertThat(notYet.searchRevision()).isNull();
        assertThat(notYet.searchable()).isFalse();

        SearchStatus live = SearchStatus.of(published, listed(2), NOW);
        assertThat(live.status()).isEqualTo("PUBLISHED");
        assertThat(live.searchRevision()).isEqualTo(2);
        assertThat(live.searchable()).isTrue();
    }

    @Test
    void searchStillShowingAnOlderPublicStateIsStale() {
        Article republished = Fixtures.republished("Old", "New");

        SearchStatus stale = SearchStatus.of(republished, listed(3), NOW);

        assertThat(stale.revision()).isEqualTo(4);
        assertThat(stale.searchRevision()).isEqualTo(3);
        assertThat(stale.searchable()).isFalse();
        assertThat(SearchStatus.of(republished, gone(1), NOW).searchable()).isFalse();
    }

    @Test
    void editsOfTheWorkingCopyDoNotMakeAPublishedArticleStale() {
        Article edited = Fixtures.publishedWithDraft("Live", "Draft");

        SearchStatus status = SearchStatus.of(edited, listed(2), NOW);

        assertThat(edited.revision()).isEqualTo(3);
        assertThat(status.revision())
                .as("readers still see revision 2's snapshot")
                .isEqualTo(2);
        assertThat(status.searchable()).isTrue();
    }

    @Test
    void anUnpublishedArticleIsSearchableOnlyOnceSearchHasDroppedIt() {
        Article unpublished = Fixtures.unpublished("T");

        SearchStatus stillListed = SearchStatus.of(unpublished, listed(2), NOW);
        assertThat(stillListed.status()).isEqualTo("UNPUBLISHED");
        assertThat(stillListed.revision()).isEqualTo(3);
        assertThat(stillListed.searchRevision()).isEqualTo(2);
        assertThat(stillListed.searchable()).isFalse();
        assertThat(SearchStatus.of(unpublished, null, NOW).searchable())
                .as("nothing heard from search: it may still list the article")
                .isFalse();

        SearchStatus gone = SearchStatus.of(unpublished, gone(3), NOW);
        assertThat(gone.searchRevision()).isNull();
        assertThat(gone.searchable()).isTrue();
    }

    @Test
    void aDeletedArticleSaysSoAndIsSearchableOnceGoneFromSearch() {
        Article deleted = Fixtures.deleted("T");

        SearchStatus listedStill = SearchStatus.of(deleted, listed(2), NOW);
        assertThat(listedStill.status()).isEqualTo(SearchStatus.DELETED);
        assertThat(listedStill.revision()).isEqualTo(3);
        assertThat(listedStill.searchable()).isFalse();
        assertThat(SearchStatus.of(deleted, gone(3), NOW).searchable()).isTrue();
    }

    @Test
    void aLaterAnnouncementThanThePublicRevisionCounts() {
        Article edited = Fixtures.publishedWithDraft("Live", "Draft");

        assertThat(SearchStatus.of(edited, listed(3), NOW).searchable()).isTrue();
    }

    private static IndexedArticle listed(long revision) {
        return new IndexedArticle(Fixtures.ARTICLE_ID, revision, true, NOW.minusSeconds(1));
    }

    private static IndexedArticle gone(long revision) {
        return new IndexedArticle(Fixtures.ARTICLE_ID, revision, false, NOW.minusSeconds(1));
    }
}
