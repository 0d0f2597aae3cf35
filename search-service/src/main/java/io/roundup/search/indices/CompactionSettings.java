package io.roundup.search.indices;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * When {@link IndexCompaction} merges the review index down to one segment.
 *
 * @param enabled whether to look at all
 * @param checkEvery how often to look at the index's segments; it is compacted only when two looks in a row find the
 *     same segments, so writes must have paused for about this long
 * @param minDocuments below this many documents an index is left as it is: a search over it is cheap anyway
 * @param scatteredShare compact when at least this share of the documents lies outside its shard's largest segment
 *     (0 to 1): after a compaction, that many documents must be written again before the next one rewrites the index
 * @param maxShardSize a shard this large or larger is left as it is: Lucene's merge policy no longer merges a segment
 *     of over 5 GB with newer ones, so a single segment larger than that would keep its deleted documents for good
 */
@ConfigurationProperties("roundup.search.compaction")
record CompactionSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration checkEvery,
        @DefaultValue("1000") long minDocuments,
        @DefaultValue("0.2") double scatteredShare,
        @DefaultValue("5GB") DataSize maxShardSize) {

    CompactionSettings {
        if (checkEvery.isZero() || checkEvery.isNegative()) {
            throw new IllegalArgumentException(
                    "roundup.search.compaction.check-every must be positive, not " + checkEvery);
        }
        if (minDocuments < 0) {
            throw new IllegalArgumentException(
                    "roundup.search.compaction.min-documents must not be negative, not " + minDocuments);
        }
        if (!(scatteredShare > 0 && scatteredShare <= 1)) {
            throw new IllegalArgumentException(
                    "roundup.search.compaction.scattered-share must be above 0 and at most 1, not " + scatteredShare);
        }
    }
}
