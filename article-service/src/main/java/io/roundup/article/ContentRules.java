package io.roundup.article;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The limits an article's content must respect; every violation is reported, each under its own path. */
final class ContentRules {

    static final int TITLE = 200;
    static final int SUMMARY = 500;
    static final int CATEGORY = 60;
    static final int TAGS = 20;
    static final int TAG = 40;
    static final int AUTHOR_NAME = 100;
    static final int BIO = 1000;
    static final int INTRO = 20_000;
    static final int ENTRIES = 30;
    static final int MIN_RANK = 1;
    static final int MAX_RANK = 100;
    static final int HEADING = 200;
    static final int BODY = 50_000;
    static final int FEATURES = 30;
    static final int FEATURE_NAME = 100;
    static final int FEATURE_DESCRIPTION = 500;
    static final int SECTIONS = 30;

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");

    private final Map<String, List<String>> errors = new TreeMap<>();

    private ContentRules() {}

    /** Throws {@link InvalidArticle} listing every violation; {@code slug} is checked only when given. */
    static void check(Content content, String slug) {
        ContentRules rules = new ContentRules();
        rules.content(content);
        if (slug != null && !Slugs.isValid(slug)) {
            rules.add(
                    "slug",
                    "must be lowercase letters and digits separated by single hyphens, at most " + Slugs.MAX_LENGTH
                            + " characters");
        }
        if (!rules.errors.isEmpty()) {
            throw new InvalidArticle(rules.errors);
        }
    }

    private void content(Content content) {
        required("title", content.title(), TITLE);
        optional("summary", content.summary(), SUMMARY);
        optional("category", content.category(), CATEGORY);
        list("tags", content.tags(), TAGS);
        for (int i = 0; i < content.tags().size(); i++) {
            required("tags[" + i + "]", content.tags().get(i), TAG);
        }
        if (content.author() == null) {
            add("author", "must not be null");
        } else {
            required("author.name", content.author().name(), AUTHOR_NAME);
            optional("author.bio", content.author().bio(), BIO);
        }
        optional("intro", content.intro(), INTRO);
        list("entries", content.entries(), ENTRIES);
        Set<Integer> ranks = new HashSet<>();
        for (int i = 0; i < content.entries().size(); i++) {
            entry("entries[" + i + "]", content.entries().get(i), ranks);
        }
        list("sections", content.sections(), SECTIONS);
        for (int i = 0; i < content.sections().size(); i++) {
            String path = "sections[" + i + "]";
            Content.Section section = content.sections().get(i);
            if (section == null) {
                add(path, "must not be null");
                continue;
            }
            required(path + ".heading", section.heading(), HEADING);
            optional(path + ".body", section.body(), BODY);
        }
    }

    private void entry(String path, Content.Entry entry, Set<Integer> ranks) {
        if (entry == null) {
            add(path, "must not be null");
            return;
        }
        if (entry.rank() < MIN_RANK || entry.rank() > MAX_RANK) {
            add(path + ".rank", "must be between " + MIN_RANK + " and " + MAX_RANK);
        } else if (!ranks.add(entry.rank())) {
            add(path + ".rank", "must be unique: another entry already has rank " + entry.rank());
        }
        if (entry.productId() == null || !OBJECT_ID.matcher(entry.productId()).matches()) {
            add(path + ".productId", "must be a product id (24 hexadecimal characters)");
        }
        required(path + ".heading", entry.heading(), HEADING);
        optional(path + ".body", entry.body(), BODY);
        list(path + ".features", entry.features(), FEATURES);
        for (int i = 0; i < entry.features().size(); i++) {
            String featurePath = path + ".features[" + i + "]";
            Content.Feature feature = entry.features().get(i);
            if (feature == null) {
                add(featurePath, "must not be null");
                continue;
            }
            required(featurePath + ".name", feature.name(), FEATURE_NAME);
            optional(featurePath + ".description", feature.description(), FEATURE_DESCRIPTION);
        }
    }

    private void required(String path, String value, int max) {
        if (value == null || value.isBlank()) {
            add(path, "must not be blank");
        } else {
            optional(path, value, max);
        }
    }

    private void optional(String path, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            add(path, "must be at most " + max + " characters");
        }
    }

    private void list(String path, List<?> values, int max) {
        if (values.size() > max) {
            add(path, "must have at most " + max + " items");
        }
    }

    private void add(String path, String message) {
        errors.computeIfAbsent(path, p -> new ArrayList<>()).add(message);
    }
}
