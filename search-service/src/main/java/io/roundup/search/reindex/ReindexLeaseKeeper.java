package io.roundup.search.reindex;

import io.roundup.support.work.PeriodicWork;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every {@code roundup.search.reindex.lease-renew-every}, renews the lease of the reindex this copy runs and takes over
 * a queued one that a copy which died left behind ({@link ReindexQueue#tick()}); on shutdown, interrupts the running
 * job and lets go of its lease.
 */
@Component
class ReindexLeaseKeeper implements SmartLifecycle {

    private final ReindexQueue queue;
    private final PeriodicWork work;

    ReindexLeaseKeeper(ReindexQueue queue, ReindexSettings settings) {
        this.queue = queue;
        this.work = new PeriodicWork("reindex-lease", settings.leaseRenewEvery(), queue::tick);
    }

    @Override
    public void start() {
        work.start();
    }

    @Override
    public void stop() {
        work.stop();
        queue.shutdown();
    }

    @Override
    public boolean isRunning() {
        return work.isRunning();
    }
}
