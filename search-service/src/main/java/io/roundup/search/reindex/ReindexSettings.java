package io.roundup.search.reindex;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a reindex retires the old index versions, and whether start-up reindexes outdated ones.
 *
 * @param retireAfter how long the old versions stay after the aliases moved, so that searches already running on them
 *        end normally instead of failing with their index deleted under them
 * @param whenOutdated whether start-up reindexes an index created from an older definition ({@link OutdatedIndices})
 */
@ConfigurationProperties("roundup.search.reindex")
record ReindexSettings(
        @DefaultValue("5s") Duration retireAfter,
        @DefaultValue("true") boolean whenOutdated) {}
