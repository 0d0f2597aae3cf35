package io.roundup.support.paging;

import java.util.List;
import java.util.function.Function;

/** The JSON of every paged list: {@code items}, {@code page}, {@code size}, {@code totalItems}, {@code totalPages}. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <S, T> PageView<T> of(ResultPage<S> page, Function<S, T> view) {
        return new PageView<>(
                page.items().stream().map(view).toList(),
                page.page(),
                page.size(),
                page.totalItems(),
                page.totalPages());
    }
}
