package io.roundup.search.indexed;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How search-service announces what it made searchable.
 *
 * @param enabled whether to announce at all (off: editors' "searchable" never turns true, indexing is unchanged)
 * @param spacing the least time between two refreshes this copy forces while writes are sparse: a write is refreshed
 *     (and announced) right after its bulk, and writes that arrive meanwhile share the next refresh
 * @param denseSpacing the least time between two forced refreshes while writes are dense: the index's own refresh
 *     interval (500 ms for the reviews) makes them visible meanwhile, and the bulks keep their size and pace
 * @param denseDocuments writes count as dense when at least this many documents were written within {@code denseWindow}
 * @param denseWindow how far back {@code denseDocuments} counts
 * @param retryInterval how soon a refresh that failed (Elasticsearch away) is tried again
 * @param maxPending at most this many articles wait for their announcement; beyond, the newest are dropped (counted
 *     in {@code roundup_search_indexed_dropped_total}) and their status shows "not yet searchable" until their next write
 */
@Validated
@ConfigurationProperties("roundup.search.indexed")
record IndexedSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10ms") Duration spacing,
        @DefaultValue("500ms") Duration denseSpacing,
        @DefaultValue("50") @Min(1) int denseDocuments,
        @DefaultValue("1s") Duration denseWindow,
        @DefaultValue("1s") Duration retryInterval,
        @DefaultValue("100000") @Min(1) int maxPending) {}
