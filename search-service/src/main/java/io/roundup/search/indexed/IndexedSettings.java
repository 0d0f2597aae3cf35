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
 * @param spacing the least time between two refreshes this copy forces: writes that arrive meanwhile share the next
 *     one, so a dense stream costs a few refreshes a second, not one per batch
 * @param retryInterval how soon a refresh that failed (Elasticsearch away) is tried again
 * @param maxPending at most this many articles wait for their announcement; beyond, the newest are dropped (counted
 *     in {@code roundup_search_indexed_dropped_total}) and their status shows "not yet searchable" until their next write
 */
@Validated
@ConfigurationProperties("roundup.search.indexed")
record IndexedSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50ms") Duration spacing,
        @DefaultValue("1s") Duration retryInterval,
        @DefaultValue("100000") @Min(1) int maxPending) {}
