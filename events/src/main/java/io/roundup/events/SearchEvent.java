package io.roundup.events;

/**
 * What search-service announces on {@link Topics#SEARCH_INDEXED}, keyed by {@link #articleId()}: what readers' search
 * now shows of an article. Each event is that whole state at {@link #revision()}, so consumers keep the highest
 * revision they have seen and ignore older ones.
 */
public sealed interface SearchEvent permits ArticleIndexed {

    String articleId();

    long revision();
}
