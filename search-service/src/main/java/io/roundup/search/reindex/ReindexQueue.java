package io.roundup.search.reindex;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;

/**
 * Starts reindexes ({@link ReindexRun}) on a worker thread of their own, one at a time across all copies of the
 * service ({@link ReindexJobs}): while one runs anywhere, a second request queues one more (started when the running
 * one ends, on the copy that ran it), so a change made now, such as new synonym rules, is sure to be in an index built
 * after it; further requests join that queued job.
 */
@Service
public class ReindexQueue {

    private final ReindexJobs jobs;
    private final ReindexRun reindex;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "reindex");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    ReindexQueue(ReindexJobs jobs, ReindexRun reindex) {
        this.jobs = jobs;
        this.reindex = reindex;
    }

    /** The job that will bring a change made now into effect: running, or queued behind the running one. */
    public ReindexJob start() {
        ReindexJob job = jobs.request();
        if (job.isRunning()) {
            run(job);
        }
        return job;
    }

    /** A new job when none runs or waits on any copy; empty when one is already under way. */
    Optional<ReindexJob> startIfIdle() {
        Optional<ReindexJob> job = jobs.requestIfIdle();
        job.ifPresent(this::run);
        return job;
    }

    Optional<ReindexJob> job(String id) {
        return jobs.find(id);
    }

    /** Renews this copy's lease; runs a queued job that no copy runs ({@link ReindexLeaseKeeper}). */
    void tick() {
        jobs.tick().ifPresent(this::run);
    }

    private void run(ReindexJob job) {
        worker.execute(() -> {
            reindex.run(job);
            if (stopping) {
                jobs.release(job);
            } else {
                jobs.ended(job).ifPresent(this::run);
            }
        });
    }

    /** Interrupts a running job (it ends as failed) and lets go of its lease, so another copy takes the queue over. */
    void shutdown() {
        stopping = true;
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
