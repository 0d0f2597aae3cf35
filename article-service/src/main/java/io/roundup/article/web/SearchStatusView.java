package io.roundup.article.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.roundup.article.search.SearchStatus;
import java.time.Instant;

/** The answer of {@code GET /api/articles/{id}/search-status}; {@code revision} and {@code searchRevision} only when known. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SearchStatusView(
        String articleId, String status, Long revision, Long searchRevision, boolean searchable, Instant checkedAt) {

    static SearchStatusView of(SearchStatus status) {
        return new SearchStatusView(
                status.articleId(),
                status.status(),
                status.revision(),
                status.searchRevision(),
                status.searchable(),
                status.checkedAt());
    }
}
