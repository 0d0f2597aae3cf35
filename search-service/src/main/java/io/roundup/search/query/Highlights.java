package io.roundup.search.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.util.NamedValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the reader's words matched: the highlight a search asks for, and its fragments under the names a hit shows
 * them by ({@code heading}, {@code body}, {@code features}…), as pure functions.
 */
final class Highlights {

    /** How many fragments a hit shows under one name. */
    static final int PER_NAME = 3;

    /** Highlighted fields → the name a hit shows them under. */
    static final Map<String, String> NAMES = names();

    private static final int FRAGMENT_SIZE = 160;
    /** Where the reader's words are looked up for highlighting: a copy of every highlighted field. */
    private static final String WORDS = "all_text";

    private Highlights() {}

    /**
     * Highlights the reader's words where they matched: as written (with synonyms), and with a typo of one edit. Not
     * with the search's own query: highlighting its two-edit fuzzy clauses cost three quarters of a search's time.
     * Titles and summaries are highlighted whole, longer fields as a few fragments.
     *
     * <p>The words are looked up once, in {@code all_text} (every highlighted field is copied there, analysed alike),
     * and highlighted in whichever field they occur ({@code require_field_match: false}): the fragments are the same as
     * from a clause per highlighted field, but a one-edit word is expanded into index terms once instead of ten times,
     * which was over a third of what a search cost over 10,000 roundups (docs/benchmarks.md, "Query cost, second
     * round").
     *
     * <p>With the fast vector highlighter ({@link HighlighterType#FastVector}), from the term vectors the review index
     * keeps for the highlighted fields: it expands the one-edit clause into index terms once per search, where the
     * unified highlighter re-analysed every field of every hit and built a Levenshtein automaton per word, field and
     * hit — about 70 % of a search's time over 10,000 roundups (docs/benchmarks.md, "Query cost"). An index created
     * before term vectors cannot use it: {@link HighlighterType#Unified} highlights those (see {@link PagedSearch}).
     */
    static Highlight request(String text, HighlighterType type) {
        List<NamedValue<HighlightField>> fields = new ArrayList<>();
        NAMES.keySet().forEach(field -> {
            boolean whole = field.equals("title") || field.equals("summary");
            fields.add(NamedValue.of(
                    field,
                    HighlightField.of(f -> whole
                            ? f.numberOfFragments(0)
                            : f.numberOfFragments(PER_NAME).fragmentSize(FRAGMENT_SIZE))));
        });
        Query matched = Query.of(q -> q.bool(b -> b.should(sh -> sh.match(m -> m.field(WORDS)
                        .query(text)
                        .analyzer(SearchRequests.EXACT_ANALYZER)
                        .fuzziness(SearchRequests.ONE_EDIT)
                        .prefixLength(1)))
                .should(sh -> sh.match(m -> m.field(WORDS).query(text)))));
        return Highlight.of(h -> h.type(type)
                .requireFieldMatch(false)
                .encoder(HighlighterEncoder.Html)
                .preTags("<em>")
                .postTags("</em>")
                .fields(fields)
                .highlightQuery(matched));
    }

    /** A hit's fragments by field, as a hit shows them: by name, fields of one name merged, at most {@value #PER_NAME}. */
    static Map<String, List<String>> byName(Map<String, List<String>> fragmentsByField) {
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        fragmentsByField.forEach((field, fragments) -> {
            String name = NAMES.getOrDefault(field, field);
            List<String> merged = highlights.computeIfAbsent(name, n -> new ArrayList<>());
            fragments.stream().filter(f -> merged.size() < PER_NAME).forEach(merged::add);
        });
        return highlights;
    }

    private static Map<String, String> names() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "title");
        fields.put("summary", "summary");
        fields.put("intro", "intro");
        fields.put("entries.heading", "heading");
        fields.put("sections.heading", "heading");
        fields.put("entries.body", "body");
        fields.put("sections.body", "body");
        fields.put("entries.features.name", "features");
        fields.put("entries.features.description", "features");
        fields.put("products.name", "products");
        return fields;
    }
}
