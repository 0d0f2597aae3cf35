package io.roundup.article.web;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.roundup.article.Content;
import io.roundup.support.web.ProblemAdvice;
import io.roundup.support.web.ServerOwned;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an editor sends to create or replace an article's working copy. Server-owned fields ({@code id}, {@code status},
 * {@code revision}, timestamps…) are not here: a body carrying them, or any other field an article does not have, is
 * collected in {@code unexpected} and refused by name.
 */
@ServerOwned({
    "id",
    "status",
    "revision",
    "published",
    "publishedAt",
    "scheduledAt",
    "scheduledBy",
    "createdAt",
    "createdBy",
    "updatedAt",
    "updatedBy",
    "slugHistory",
    "deleted",
    "hasUnpublishedChanges",
    "lastRequestId",
    "lastTraceparent",
    "announcePending",
    "announcedRevision"
})
record ArticleRequest(
        String slug,
        String title,
        String summary,
        String category,
        List<String> tags,
        AuthorRequest author,
        String intro,
        List<EntryRequest> entries,
        List<SectionRequest> sections,
        @JsonAnySetter Map<String, Object> unexpected) {

    record AuthorRequest(
            String name, String bio, @JsonAnySetter Map<String, Object> unexpected) {}

    record EntryRequest(
            Integer rank,
            String productId,
            String heading,
            String body,
            List<FeatureRequest> features,
            @JsonAnySetter Map<String, Object> unexpected) {}

    record FeatureRequest(
            String name, String description, @JsonAnySetter Map<String, Object> unexpected) {}

    record SectionRequest(
            String heading, String body, @JsonAnySetter Map<String, Object> unexpected) {}

    /**
     * Every field the body carries that an article does not have, by its path ({@code entries[1].headline}), so that
     * one answer lists them all, together with the content's other faults.
     */
    Map<String, List<String>> unknownFields() {
        Set<String> serverOwned =
                Set.of(ArticleRequest.class.getAnnotation(ServerOwned.class).value());
        Map<String, List<String>> errors = new TreeMap<>();
        unknown(errors, "", unexpected, serverOwned);
        if (author != null) {
            unknown(errors, "author.", author.unexpected(), Set.of());
        }
        for (int i = 0; entries != null && i < entries.size(); i++) {
            EntryRequest entry = entries.get(i);
            if (entry != null) {
                unknown(errors, "entries[" + i + "].", entry.unexpected(), Set.of());
                for (int j = 0; entry.features() != null && j < entry.features().size(); j++) {
                    FeatureRequest feature = entry.features().get(j);
                    if (feature != null) {
                        unknown(errors, "entries[" + i + "].features[" + j + "].", feature.unexpected(), Set.of());
                    }
                }
            }
        }
        for (int i = 0; sections != null && i < sections.size(); i++) {
            if (sections.get(i) != null) {
                unknown(errors, "sections[" + i + "].", sections.get(i).unexpected(), Set.of());
            }
        }
        return errors;
    }

    private static void unknown(
            Map<String, List<String>> errors, String prefix, Map<String, Object> fields, Set<String> serverOwned) {
        if (fields != null) {
            fields.keySet()
                    .forEach(name -> errors.put(
                            prefix + name,
                            List.of(serverOwned.contains(name) ? ProblemAdvice.SERVER_OWNED : "is not a known field")));
        }
    }

    /** Null list elements stay null so validation can name them; a missing rank becomes 0, which validation refuses. */
    Content toContent() {
        return new Content(
                title,
                summary,
                category,
                tags,
                author == null ? null : new Content.Author(author.name(), author.bio()),
                intro,
                entries == null
                        ? null
                        : entries.stream().map(ArticleRequest::entry).toList(),
                sections == null
                        ? null
                        : sections.stream()
                                .map(s -> s == null ? null : new Content.Section(s.heading(), s.body()))
                                .toList());
    }

    private static Content.Entry entry(EntryRequest entry) {
        if (entry == null) {
            return null;
        }
        List<Content.Feature> features = entry.features() == null
                ? null
                : entry.features().stream()
                        .map(f -> f == null ? null : new Content.Feature(f.name(), f.description()))
                        .toList();
        return new Content.Entry(
                entry.rank() == null ? 0 : entry.rank(), entry.productId(), entry.heading(), entry.body(), features);
    }
}
