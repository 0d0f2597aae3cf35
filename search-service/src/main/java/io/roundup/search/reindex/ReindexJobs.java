package io.roundup.search.reindex;

import java.util.Optional;

/**
 * The reindex jobs as they stand, and which one runs: one at a time across every copy of the service, and at most one
 * more queued behind it, so that a change made while a job runs (new synonym rules, say) is sure to be in an index
 * built after it. The copy that runs a job holds it as a lease that it renews ({@link #tick()}); a copy that dies
 * stops renewing, and once the lease has expired another copy takes the queued job over ({@link SharedReindexJobs}).
 */
interface ReindexJobs {

    /**
     * Asks for a reindex: a new job this instance is to run now ({@code RUNNING}) when none runs on any copy;
     * otherwise the job queued behind the running one ({@code QUEUED}), created by the first such request and joined
     * by later ones, on whichever copy they arrive.
     */
    ReindexJob request();

    /**
     * Asks for a reindex only if none runs or waits on any copy: a new job this instance is to run now, or empty when
     * one is already under way (the start-up check of {@link OutdatedIndices}, which every copy makes).
     */
    Optional<ReindexJob> requestIfIdle();

    /** The running job ended: the queued one, if any, which this instance is to run now ({@code RUNNING}). */
    Optional<ReindexJob> ended(ReindexJob job);

    /**
     * This instance stops before {@code job} ended (it was interrupted): lets another copy take over the queued job
     * at once instead of after the lease expires.
     */
    void release(ReindexJob job);

    /**
     * Called every few seconds on every copy: renews the lease of the job this instance runs; when none does and a
     * job waits that no copy runs (its holder died, or released the lease without seeing it), takes that job: the one
     * this instance is to run now.
     */
    Optional<ReindexJob> tick();

    /**
     * A job's latest snapshot, replacing the one before.
     *
     * @throws LeaseLost when the snapshot is of a running job whose lease this instance no longer holds: another copy
     *     may be running the next job, so this one must stop
     */
    void update(ReindexJob job);

    Optional<ReindexJob> find(String id);

    /** This instance's lease on a running job has expired and another copy took it: the job must not go on. */
    final class LeaseLost extends IllegalStateException {

        LeaseLost(String jobId) {
            super("Reindex " + jobId + " lost its lease (this copy did not renew it in time); another copy may "
                    + "reindex now");
        }
    }
}
