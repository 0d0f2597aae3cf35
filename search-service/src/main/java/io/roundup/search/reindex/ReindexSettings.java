package io.roundup.search.reindex;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a reindex retires the old index versions, whether start-up reindexes outdated ones, and how the copies of the
 * service agree on which of them runs a reindex ({@link SharedReindexJobs}).
 *
 * @param retireAfter how long the old versions stay after the aliases moved, so that searches already running on them
 *        end normally instead of failing with their index deleted under them
 * @param whenOutdated whether start-up reindexes an index created from an older definition ({@link OutdatedIndices})
 * @param leaseTtl how long the lease of a running reindex lasts without being renewed: a copy that died while running
 *        one holds up the next for about this long
 * @param leaseRenewEvery how often the copy running a reindex renews its lease, and every copy looks for a queued job
 *        that no copy runs; well under {@code leaseTtl}, so that a slow renewal or two do not lose it
 */
@ConfigurationProperties("roundup.search.reindex")
record ReindexSettings(
        @DefaultValue("5s") Duration retireAfter,
        @DefaultValue("true") boolean whenOutdated,
        @DefaultValue("15s") Duration leaseTtl,
        @DefaultValue("5s") Duration leaseRenewEvery) {

    ReindexSettings {
        if (leaseRenewEvery.isZero() || leaseRenewEvery.isNegative() || leaseRenewEvery.compareTo(leaseTtl) >= 0) {
            throw new IllegalArgumentException("roundup.search.reindex.lease-renew-every (" + leaseRenewEvery
                    + ") must be positive and shorter than lease-ttl (" + leaseTtl + ")");
        }
    }
}
