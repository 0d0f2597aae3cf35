package io.roundup.events;

/**
 * What article-service announces on {@link Topics#ARTICLES}, keyed by {@link #articleId()}.
 * Each event is the article's whole public state at {@link #revision()}.
 */
public sealed interface ArticleEvent permits ArticleChanged, ArticleRemoved {

    String articleId();

    long revision();
}
