package io.roundup.article;

import java.util.List;

/**
 * A page of the article list. Readers ({@code editor == false}) list published snapshots only; editors list working
 * copies in any status. Filters match case-insensitively and exactly; null means "any". Each of {@code words} must
 * appear, case-insensitively, somewhere in the title, summary, category, slug, author's name or a tag (an empty list
 * asks for no text).
 */
public record ArticleQuery(
        boolean editor,
        Status status,
        String category,
        String author,
        String tag,
        List<String> words,
        int page,
        int size) {

    public ArticleQuery {
        words = List.copyOf(words);
    }

    /** The list without a text filter. */
    public ArticleQuery(boolean editor, Status status, String category, String author, String tag, int page, int size) {
        this(editor, status, category, author, tag, List.of(), page, size);
    }
}
