package io.roundup.search.reindex;

import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Service;

/**
 * Starts reindexes ({@link ReindexRun}) on a worker thread of their own, one at a time per instance: while one runs, a
 * second request queues one more (started when the running one ends), so a change made now, such as new synonym
 * rules, is sure to be in an index built after it; further requests join that queued job ({@link ReindexJobs}).
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

    Optional<ReindexJob> job(String id) {
        return jobs.find(id);
    }

    private void run(ReindexJob job) {
        worker.execute(() -> {
            reindex.run(job);
            jobs.ended(job).ifPresent(this::run);
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
