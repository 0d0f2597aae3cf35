package io.roundup.article.web;

import io.roundup.article.Content;
import java.util.List;
import io.roundup.support.web.ServerOwned;

/**
 * What an editor sends to create or replace an article's working copy. Server-owned fields ({@code id}, {@code status},
 * {@code revision}, timestamps…) are not here, so a body carrying them is refused as naming an unknown field.
 */
@ServerOwned({ "id", "status", "revision", "published", "publishedAt", "scheduledAt", "scheduledBy", "createdAt",
        "createdBy", "updatedAt", "updatedBy", "slugHistory", "deleted", "hasUnpublishedChanges", "lastRequestId",
        "announcePending", "announcedRevision" })
record ArticleRequest(
        String slug,
        String title,
        String summary,
        String category,
        List<String> tags,
        AuthorRequest author,
        String intro,
        List<EntryRequest> entries,
        List<SectionRequest> sections) {

    record AuthorRequest(String name, String bio) {
    }

    record EntryRequest(Integer rank, String productId, String heading, String body, List<FeatureRequest> features) {
    }

    record FeatureRequest(String name, String description) {
    }

    record SectionRequest(String heading, String body) {
    }

    /** Null list elements stay null so validation can name them; a missing rank becomes 0, which validation refuses. */
    Content toContent() {
        return new Content(title, summary, category, tags,
                author == null ? null : new Content.Author(author.name(), author.bio()),
                intro,
                entries == null ? null : entries.stream().map(ArticleRequest::entry).toList(),
                sections == null ? null : sections.stream().map(s -> s == null ? null : new Content.Section(s.heading(), s.body())).toList());
    }

    private static Content.Entry entry(EntryRequest entry) {
        if (entry == null) {
            return null;
        }
        List<Content.Feature> features = entry.features() == null ? null
                : entry.features().stream().map(f -> f == null ? null : new Content.Feature(f.name(), f.description())).toList();
        return new Content.Entry(entry.rank() == null ? 0 : entry.rank(), entry.productId(), entry.heading(), entry.body(), features);
    }
}
