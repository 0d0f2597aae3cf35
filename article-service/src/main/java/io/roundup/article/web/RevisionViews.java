package io.roundup.article.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.roundup.article.ArticleRevision;
import io.roundup.article.Content;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of an article's history. */
final class RevisionViews {

    private RevisionViews() {}

    /** One line of the history. */
    record RevisionSummary(long revision, Instant savedAt, String savedBy, String action) {

        static RevisionSummary of(ArticleRevision revision) {
            return new RevisionSummary(revision.revision(), revision.savedAt(), revision.savedBy(), revision.action());
        }
    }

    /** The working copy as that revision left it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RevisionView(
            String articleId,
            long revision,
            Instant savedAt,
            String savedBy,
            String action,
            String title,
            String summary,
            String category,
            List<String> tags,
            Content.Author author,
            String intro,
            List<Content.Entry> entries,
            List<Content.Section> sections) {

        static RevisionView of(ArticleRevision revision) {
            Content c = revision.content();
            return new RevisionView(
                    revision.articleId(),
                    revision.revision(),
                    revision.savedAt(),
                    revision.savedBy(),
                    revision.action(),
                    c.title(),
                    c.summary(),
                    c.category(),
                    c.tags(),
                    c.author(),
                    c.intro(),
                    c.entries(),
                    c.sections());
        }
    }
}
