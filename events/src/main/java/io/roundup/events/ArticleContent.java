package io.roundup.events;

import java.util.List;

/** A roundup's content: ranked product entries plus free sections (buying guide, final thoughts). Bodies are sanitized Markdown. */
public record ArticleContent(
        String title,
        String summary,
        String category,
        List<String> tags,
        Author author,
        String intro,
        List<Entry> entries,
        List<Section> sections) {

    public record Author(String name, String bio) {}

    public record Entry(int rank, String productId, String heading, String body, List<Feature> features) {}

    public record Feature(String name, String description) {}

    public record Section(String heading, String body) {}
}
