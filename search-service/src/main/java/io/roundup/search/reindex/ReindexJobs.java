package io.roundup.search.reindex;

import java.util.Optional;

/**
 * The reindex jobs as they stand, and which one runs: one at a time, and at most one more queued behind it, so that a
 * change made while a job runs (new synonym rules, say) is sure to be in an index built after it. Today the jobs live
 * in one instance's memory ({@link LocalReindexJobs}); a store that copies of the service share, with the running job
 * held as a lease, can take its place behind this interface.
 */
interface ReindexJobs {

    /**
     * Asks for a reindex: a new job this instance is to run now ({@code RUNNING}) when none runs; otherwise the job
     * queued behind the running one ({@code QUEUED}), created by the first such request and joined by later ones.
     */
    ReindexJob request();

    /** The running job ended: the queued one, if any, which this instance is to run now ({@code RUNNING}). */
    Optional<ReindexJob> ended(ReindexJob job);

    /** A job's latest snapshot, replacing the one before. */
    void update(ReindexJob job);

    Optional<ReindexJob> find(String id);
}
