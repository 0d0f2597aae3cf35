package io.roundup.search.reindex;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The reindex jobs of this instance, in its memory: the latest by id, the oldest forgotten past {@value #REMEMBERED}. */
@Component
class LocalReindexJobs implements ReindexJobs {

    static final int REMEMBERED = 20;

    private final Map<String, ReindexJob> jobs = new LinkedHashMap<>();
    /** The job running or about to (guarded by this). */
    private ReindexJob active;
    /** The job that starts when the active one ends (guarded by this). */
    private ReindexJob queued;

    @Override
    public synchronized ReindexJob request() {
        if (active != null) {
            if (queued == null) {
                queued = ReindexJob.queued(UUID.randomUUID().toString());
                record(queued);
            }
            return queued;
        }
        return begin(ReindexJob.running(UUID.randomUUID().toString()));
    }

    @Override
    public synchronized Optional<ReindexJob> ended(ReindexJob job) {
        active = null;
        if (queued == null) {
            return Optional.empty();
        }
        ReindexJob waiting = queued;
        queued = null;
        return Optional.of(begin(ReindexJob.running(waiting.id())));
    }

    @Override
    public synchronized void update(ReindexJob job) {
        record(job);
    }

    @Override
    public synchronized Optional<ReindexJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private ReindexJob begin(ReindexJob job) {
        active = job;
        record(job);
        return job;
    }

    private void record(ReindexJob job) {
        jobs.remove(job.id());
        jobs.put(job.id(), job);
        if (jobs.size() > REMEMBERED) {
            jobs.remove(jobs.keySet().iterator().next());
        }
    }
}
