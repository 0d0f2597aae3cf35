package io.roundup.search.query;

import java.util.List;

/** Completions for what a reader is typing: each names the article (its title) and where it lives (its slug). */
record Suggestions(List<Suggestion> suggestions) {

    record Suggestion(String text, String slug) {}
}
