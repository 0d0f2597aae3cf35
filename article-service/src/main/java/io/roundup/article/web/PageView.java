package io.roundup.article.web;

import io.roundup.article.ArticlePage;
import java.util.List;
import java.util.function.Function;

/** The paged list shape every Roundup service uses. */
record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    static <S, T> PageView<T> of(ArticlePage<S> page, Function<S, T> map) {
        return new PageView<>(
                page.items().stream().map(map).toList(),
                page.page(),
                page.size(),
                page.totalItems(),
                page.totalPages());
    }
}
