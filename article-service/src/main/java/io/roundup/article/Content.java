package io.roundup.article;

import java.util.List;

/**
 * What an editor writes: the working copy of an article, and also the frozen snapshot readers see once it is published.
 * Lists are never null; bodies ({@code intro}, entry and section bodies, the author's bio) are sanitized Markdown.
 */
public record Content(
        String title,
        String summary,
        String category,
        List<String> tags,
        Author author,
        String intro,
        List<Entry> entries,
        List<Section> sections) {

    public Content {
        tags = tags == null ? List.of() : tags;
        entries = entries == null ? List.of() : entries;
        sections = sections == null ? List.of() : sections;
    }

    public record Author(String name, String bio) {}

    /** One ranked product review; {@code productId} names a product of product-service. */
    public record Entry(int rank, String productId, String heading, String body, List<Feature> features) {

        public Entry {
            features = features == null ? List.of() : features;
        }
    }

    /** One row of an entry's feature table. */
    public record Feature(String name, String description) {}

    /** Free text after the entries: a buying guide, final thoughts. */
    public record Section(String heading, String body) {}
}
