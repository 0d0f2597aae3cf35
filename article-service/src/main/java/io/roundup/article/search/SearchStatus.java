package io.roundup.article.search;

import io.roundup.article.Article;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether readers' search shows an article as it is now.
 *
 * @param status the article's status, or {@value #DELETED}
 * @param revision the revision since which readers see what they see now ({@link Article#publicRevisionOrCurrent()});
 *     null for an article that was never public
 * @param searchRevision the revision search shows readers; null when readers find nothing of it in search
 * @param searchable whether search shows the current public state: a public article is found at {@code revision} or
 *     later, any other is gone from search (one that was never public trivially is)
 * @param checkedAt when this was worked out
 */
public record SearchStatus(
        String articleId,
        String status,
        @Nullable Long revision,
        @Nullable Long searchRevision,
        boolean searchable,
        Instant checkedAt) {

    public static final String DELETED = "DELETED";

    /** The status of {@code article} given what search last announced of it ({@code indexed}, null if nothing). */
    static SearchStatus of(Article article, @Nullable IndexedArticle indexed, Instant now) {
        Long revision = article.publicRevisionOrCurrent();
        boolean listed = indexed != null && indexed.listed();
        return new SearchStatus(
                article.id(),
                article.deleted() ? DELETED : article.status().name(),
                revision,
                listed ? indexed.revision() : null,
                searchable(article.isPublic(), revision, indexed),
                now);
    }

    private static boolean searchable(boolean shown, @Nullable Long revision, @Nullable IndexedArticle indexed) {
        if (shown) {
            return indexed != null && indexed.listed() && indexed.revision() >= revision;
        }
        if (revision == null) {
            // never public: nothing of it can be in search (no announcement listing it can exist)
            return indexed == null || !indexed.listed();
        }
        // taken off at `revision`: gone once search has written that revision or a later one as not listed
        return indexed != null && !indexed.listed() && indexed.revision() >= revision;
    }
}
