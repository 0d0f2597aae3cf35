package io.roundup.article;

import io.roundup.support.outbox.RelayedState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One stored article: the editable working copy ({@code content}) and, separately, the snapshot readers see
 * ({@code published}). Editing a published article changes only the working copy; the snapshot changes only when
 * the article is published again. Every transition returns the next state with {@code revision} raised by one and
 * {@code announcePending} set, so that one document write both saves and queues the announcement.
 *
 * @param slugHistory earlier slugs of this article, oldest first
 * @param publishedSlug the slug as of the last publication: what readers and search use (see {@link #publicSlug()})
 * @param publishedAt the first publication; kept through unpublishing and re-publishing
 * @param scheduledAt when a scheduled publication is due (status {@link Status#SCHEDULED}, or {@link Status#PUBLISHED}
 *     with a scheduled re-publication of the working copy); null when nothing is scheduled
 * @param deleted a tombstone: gone from every read, announced as removed
 * @param lastTraceparent the trace of the request that made this revision, continued on its Kafka record
 * @param publicRevision the revision at which what readers see last changed (published, re-published with other
 *     content, taken off, deleted while public): search shows the current public state once it holds this revision or
 *     a later one. Null while nothing was ever public, and on articles stored before it was kept (see
 *     {@link #publicRevisionOrCurrent()})
 */
@Document(Article.COLLECTION)
public record Article(
        @Id String id,
        String slug,
        List<String> slugHistory,
        Status status,
        long revision,
        Content content,
        Content published,
        String publishedSlug,
        Instant publishedAt,
        Instant scheduledAt,
        String scheduledBy,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        boolean deleted,
        String lastRequestId,
        String lastTraceparent,
        boolean announcePending,
        long announcedRevision,
        Long publicRevision)
        implements RelayedState {

    public static final String COLLECTION = "articles";

    public Article {
        slugHistory = slugHistory == null ? List.of() : List.copyOf(slugHistory);
    }

    /** Who changes an article, when, and in which request and trace ({@code traceparent}, may be null). */
    record Change(Instant at, String by, String requestId, String traceparent) {}

    static Article draft(String id, String slug, Content content, Change change) {
        return new Article(
                id,
                slug,
                List.of(),
                Status.DRAFT,
                1,
                content,
                null,
                null,
                null,
                null,
                null,
                change.at(),
                change.by(),
                change.at(),
                change.by(),
                false,
                change.requestId(),
                change.traceparent(),
                true,
                0,
                null);
    }

    /** True when the working copy differs from what readers see (always, while nothing is published). */
    public boolean hasUnpublishedChanges() {
        boolean newSlug = published != null && publishedSlug != null && !publishedSlug.equals(slug);
        return !Objects.equals(content, published) || newSlug;
    }

    /**
     * The slug readers know the article by: the one it had when last published. A slug changed in the working copy
     * goes public only with the next publication.
     */
    public String publicSlug() {
        return publishedSlug == null ? slug : publishedSlug;
    }

    /** True when readers may see this article's published snapshot. */
    public boolean isPublic() {
        return !deleted && status == Status.PUBLISHED && published != null;
    }

    /**
     * The revision since which readers see what they see now; null when they never saw anything of it. An article
     * stored before that revision was kept answers its current revision when it was ever public: later, never earlier.
     */
    public Long publicRevisionOrCurrent() {
        if (publicRevision != null) {
            return publicRevision;
        }
        return isPublic() || publishedAt != null ? revision : null;
    }

    /** Replaces the working copy; the published snapshot stays as it was. A new slug keeps the old one in the history. */
    Article edit(Content newContent, String newSlug, Change change) {
        String slugNow = newSlug == null ? slug : newSlug;
        List<String> history = slugHistory;
        if (!slugNow.equals(slug)) {
            List<String> longer = new ArrayList<>(slugHistory);
            longer.remove(slugNow);
            longer.add(slug);
            history = longer;
        }
        return next(
                status,
                slugNow,
                history,
                newContent,
                published,
                publishedSlug,
                publishedAt,
                scheduledAt,
                scheduledBy,
                false,
                change);
    }

    /** Copies the working copy into the published snapshot. Re-publishing is refused when nothing changed. */
    Article publish(Change change) {
        if (status == Status.PUBLISHED && !hasUnpublishedChanges() && scheduledAt == null) {
            throw new TransitionRefused("The article is already published and has no unpublished changes.");
        }
        Instant first = publishedAt == null ? change.at() : publishedAt;
        return next(Status.PUBLISHED, slug, slugHistory, content, content, slug, first, null, null, false, change);
    }

    /**
     * Publishes the working copy at {@code at}. A published article stays live meanwhile: its status stays
     * {@link Status#PUBLISHED} and only the re-publication is scheduled.
     */
    Article schedule(Instant at, Change change) {
        if (status == Status.PUBLISHED && !hasUnpublishedChanges()) {
            throw new TransitionRefused("The article is already published and has no unpublished changes to schedule.");
        }
        Status next = status == Status.PUBLISHED ? Status.PUBLISHED : Status.SCHEDULED;
        return next(
                next,
                slug,
                slugHistory,
                content,
                published,
                publishedSlug,
                publishedAt,
                at,
                change.by(),
                false,
                change);
    }

    /** True when a scheduled publication is due at {@code now}. */
    boolean isDue(Instant now) {
        return !deleted
                && scheduledAt != null
                && !scheduledAt.isAfter(now)
                && (status == Status.SCHEDULED || status == Status.PUBLISHED);
    }

    /**
     * Takes the article off the public view. Unpublishing a scheduled article cancels the schedule: it returns to
     * {@link Status#DRAFT} when it was never published.
     */
    Article unpublish(Change change) {
        Status next = switch (status) {
            case PUBLISHED -> Status.UNPUBLISHED;
            case SCHEDULED -> publishedAt == null ? Status.DRAFT : Status.UNPUBLISHED;
            case DRAFT, UNPUBLISHED ->
                throw new TransitionRefused(
                        "Only a published or scheduled article can be unpublished; this one is " + status + ".");
        };
        return next(next, slug, slugHistory, content, null, null, publishedAt, null, null, false, change);
    }

    /**
     * Calls off a scheduled publication and nothing else: a scheduled article goes back to where it stood before it
     * was scheduled ({@link Status#DRAFT} when never published, {@link Status#UNPUBLISHED} when it was taken down
     * before), and a published article with a scheduled re-publication stays live as it is. Unpublishing would take a
     * live article down, which is not what calling off its next version means.
     */
    Article unschedule(Change change) {
        if (scheduledAt == null) {
            throw new TransitionRefused("Nothing is scheduled for this article; it is " + status + ".");
        }
        Status next = switch (status) {
            case SCHEDULED -> publishedAt == null ? Status.DRAFT : Status.UNPUBLISHED;
            case PUBLISHED -> Status.PUBLISHED;
            case DRAFT, UNPUBLISHED -> status;
        };
        return next(next, slug, slugHistory, content, published, publishedSlug, publishedAt, null, null, false, change);
    }

    /** The tombstone: nothing of the content stays readable. */
    Article remove(Change change) {
        return next(status, slug, slugHistory, content, null, null, publishedAt, null, null, true, change);
    }

    private Article next(
            Status newStatus,
            String newSlug,
            List<String> newSlugHistory,
            Content newContent,
            Content newPublished,
            String newPublishedSlug,
            Instant newPublishedAt,
            Instant newScheduledAt,
            String newScheduledBy,
            boolean nowDeleted,
            Change change) {
        boolean nowPublic = !nowDeleted && newStatus == Status.PUBLISHED && newPublished != null;
        boolean publicChanged = nowPublic != isPublic()
                || nowPublic
                        && !(Objects.equals(newPublished, published)
                                && Objects.equals(newPublishedSlug, publishedSlug)
                                && Objects.equals(newPublishedAt, publishedAt));
        return new Article(
                id,
                newSlug,
                newSlugHistory,
                newStatus,
                revision + 1,
                newContent,
                newPublished,
                newPublishedSlug,
                newPublishedAt,
                newScheduledAt,
                newScheduledBy,
                createdAt,
                createdBy,
                change.at(),
                change.by(),
                nowDeleted,
                change.requestId(),
                change.traceparent(),
                true,
                announcedRevision,
                publicChanged ? Long.valueOf(revision + 1) : publicRevision);
    }
}
