package io.roundup.article;

/**
 * A page of the article list. Readers ({@code editor == false}) list published snapshots only; editors list working
 * copies in any status. Filters match case-insensitively and exactly; null means "any".
 */
public record ArticleQuery(
        boolean editor, Status status, String category, String author, String tag, int page, int size) {}
