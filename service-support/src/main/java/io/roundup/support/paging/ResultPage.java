package io.roundup.support.paging;

import java.util.List;

/** One page of a list and how many items match in all; {@code page} counts from 0. */
public record ResultPage<T>(List<T> items, int page, int size, long totalItems) {

    public ResultPage {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return totalItems == 0 ? 0 : (totalItems + size - 1) / size;
    }
}
