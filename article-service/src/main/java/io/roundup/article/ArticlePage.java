package io.roundup.article;

import java.util.List;

/** One page of articles and how many match in all. */
public record ArticlePage<T>(List<T> items, int page, int size, long totalItems) {

    public long totalPages() {
        return totalItems == 0 ? 0 : (totalItems + size - 1) / size;
    }
}
