package io.roundup.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleTests {

    private static final Instant LATER = Fixtures.T0.plusSeconds(3600);

    @Test
    void aNewArticleIsAnUnannouncedDraftAtRevisionOne() {
        Article draft = Fixtures.draft("Title");

        assertThat(draft.status()).isEqualTo(Status.DRAFT);
        assertThat(draft.revision()).isEqualTo(1);
        assertThat(draft.announcePending()).isTrue();
        assertThat(draft.isPublic()).isFalse();
        assertThat(draft.hasUnpublishedChanges()).isTrue();
    }

    @Test
    void publishingCopiesTheWorkingCopyIntoThePublicSnapshot() {
        Article published = Fixtures.published("Title");

        assertThat(published.status()).isEqualTo(Status.PUBLISHED);
        assertThat(published.published()).isEqualTo(published.content());
        assertThat(published.publishedAt()).isEqualTo(Fixtures.T0.plusSeconds(60));
        assertThat(published.revision()).isEqualTo(2);
        assertThat(published.hasUnpublishedChanges()).isFalse();
    }

    @Test
    void editingAPublishedArticleLeavesThePublicSnapshotAlone() {
        Article edited = Fixtures.publishedWithDraft("Old", "New");

        assertThat(edited.status()).isEqualTo(Status.PUBLISHED);
        assertThat(edited.content().title()).isEqualTo("New");
        assertThat(edited.published().title()).isEqualTo("Old");
        assertThat(edited.hasUnpublishedChanges()).isTrue();
    }

    @Test
    void republishingReplacesTheSnapshotButKeepsTheFirstPublicationTime() {
        Article edited = Fixtures.publishedWithDraft("Old", "New");

        Article republished = edited.publish(Fixtures.change(LATER));

        assertThat(republished.published().title()).isEqualTo("New");
        assertThat(republished.publishedAt()).isEqualTo(edited.publishedAt());
    }

    @Test
    void republishingWithoutChangesIsRefused() {
        assertThatThrownBy(() -> Fixtures.published("Title").publish(Fixtures.change(LATER)))
                .isInstanceOf(TransitionRefused.class);
    }

    @Test
    void schedulingADraftMakesItScheduledAndDueAtItsTime() {
        Article scheduled = Fixtures.scheduled("Title", LATER);

        assertThat(scheduled.status()).isEqualTo(Status.SCHEDULED);
        assertThat(scheduled.isPublic()).isFalse();
        assertThat(scheduled.isDue(LATER.minusMillis(1))).isFalse();
        assertThat(scheduled.isDue(LATER)).isTrue();
        assertThat(scheduled.publish(Fixtures.change(LATER)).scheduledAt()).isNull();
    }

    @Test
    void schedulingAnEditOfAPublishedArticleKeepsTheLiveVersionPublic() {
        Article scheduled = Fixtures.publishedWithDraft("Old", "New")
                .schedule(LATER, Fixtures.change(Fixtures.T0.plusSeconds(200)));

        assertThat(scheduled.status()).isEqualTo(Status.PUBLISHED);
        assertThat(scheduled.isPublic()).isTrue();
        assertThat(scheduled.published().title()).isEqualTo("Old");
        assertThat(scheduled.isDue(LATER)).isTrue();
    }

    @Test
    void unpublishingClearsThePublicSnapshot() {
        Article unpublished = Fixtures.unpublished("Title");

        assertThat(unpublished.status()).isEqualTo(Status.UNPUBLISHED);
        assertThat(unpublished.published()).isNull();
        assertThat(unpublished.isPublic()).isFalse();
        assertThat(unpublished.publishedAt()).isNotNull();
    }

    @Test
    void unpublishingAScheduledDraftCancelsTheSchedule() {
        Article cancelled = Fixtures.scheduled("Title", LATER).unpublish(Fixtures.change(Fixtures.T0.plusSeconds(40)));

        assertThat(cancelled.status()).isEqualTo(Status.DRAFT);
        assertThat(cancelled.scheduledAt()).isNull();
    }

    @Test
    void cancellingAScheduleTakesADraftBackAndLeavesALiveArticleLive() {
        Article draft = Fixtures.scheduled("Title", LATER).unschedule(Fixtures.change(Fixtures.T0.plusSeconds(40)));
        assertThat(draft.status()).isEqualTo(Status.DRAFT);
        assertThat(draft.scheduledAt()).isNull();
        assertThat(draft.isDue(LATER)).isFalse();

        Article live = Fixtures.publishedWithDraft("Old", "New")
                .schedule(LATER, Fixtures.change(Fixtures.T0.plusSeconds(200)))
                .unschedule(Fixtures.change(Fixtures.T0.plusSeconds(210)));
        assertThat(live.status()).isEqualTo(Status.PUBLISHED);
        assertThat(live.isPublic()).isTrue();
        assertThat(live.published().title()).isEqualTo("Old");
        assertThat(live.content().title()).isEqualTo("New");
        assertThat(live.isDue(LATER)).isFalse();

        Article takenDownBefore = Fixtures.unpublished("Title")
                .schedule(LATER, Fixtures.change(Fixtures.T0.plusSeconds(200)))
                .unschedule(Fixtures.change(Fixtures.T0.plusSeconds(210)));
        assertThat(takenDownBefore.status()).isEqualTo(Status.UNPUBLISHED);
        assertThat(takenDownBefore.isPublic()).isFalse();
    }

    @Test
    void cancellingWhenNothingIsScheduledIsRefused() {
        assertThatThrownBy(() -> Fixtures.draft("Title").unschedule(Fixtures.change(LATER)))
                .isInstanceOf(TransitionRefused.class)
                .hasMessageContaining("Nothing is scheduled");
        assertThatThrownBy(() -> Fixtures.published("Title").unschedule(Fixtures.change(LATER)))
                .isInstanceOf(TransitionRefused.class);
    }

    @Test
    void onlyPublishedOrScheduledArticlesCanBeUnpublished() {
        assertThatThrownBy(() -> Fixtures.draft("Title").unpublish(Fixtures.change(LATER)))
                .isInstanceOf(TransitionRefused.class);
        assertThatThrownBy(() -> Fixtures.unpublished("Title").unpublish(Fixtures.change(LATER)))
                .isInstanceOf(TransitionRefused.class);
    }

    @Test
    void aChangedSlugIsRememberedInTheHistory() {
        Article renamed = Fixtures.draft("Title").edit(Fixtures.content("Title"), "new-name", Fixtures.change(LATER));

        assertThat(renamed.slug()).isEqualTo("new-name");
        assertThat(renamed.slugHistory()).containsExactly("best-headphones");
    }

    @Test
    void aPublishedArticleWhoseOnlyEditIsANewSlugCanBeRepublishedUnderIt() {
        Article published = Fixtures.published("Title");
        Article renamed = published.edit(published.content(), "new-name", Fixtures.change(LATER));

        assertThat(renamed.hasUnpublishedChanges()).isTrue();
        assertThat(renamed.publicSlug()).isEqualTo(published.slug());

        Article republished = renamed.publish(Fixtures.change(LATER.plusSeconds(60)));
        assertThat(republished.publicSlug()).isEqualTo("new-name");
        assertThat(republished.hasUnpublishedChanges()).isFalse();
    }

    @Test
    void deletingLeavesATombstoneWithNothingPublic() {
        Article deleted = Fixtures.deleted("Title");

        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.published()).isNull();
        assertThat(deleted.isPublic()).isFalse();
        assertThat(deleted.announcePending()).isTrue();
    }

    @Test
    void thePublicRevisionMovesOnlyWhenWhatReadersSeeChanges() {
        assertThat(Fixtures.draft("T").publicRevisionOrCurrent())
                .as("never public")
                .isNull();
        assertThat(Fixtures.scheduled("T", LATER).publicRevisionOrCurrent()).isNull();
        assertThat(Fixtures.published("T").publicRevision()).isEqualTo(2);
        assertThat(Fixtures.publishedWithDraft("Old", "New").publicRevision())
                .as("an edit of the working copy")
                .isEqualTo(2);
        assertThat(Fixtures.republished("Old", "New").publicRevision()).isEqualTo(4);
        assertThat(Fixtures.unpublished("T").publicRevision()).isEqualTo(3);
        assertThat(Fixtures.unpublished("T")
                        .edit(Fixtures.content("U"), null, Fixtures.change(LATER))
                        .publicRevision())
                .as("edited while off the site")
                .isEqualTo(3);
        assertThat(Fixtures.deleted("T").publicRevision()).isEqualTo(3);
    }
}
