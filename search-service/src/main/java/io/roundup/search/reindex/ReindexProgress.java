package io.roundup.search.reindex;

import io.roundup.search.reindex.ReindexJob.Phase;
import io.roundup.search.reindex.ReindexJob.Status;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** How far one job got, published to {@link ReindexJobs} as a fresh {@link ReindexJob} snapshot as it goes. */
final class ReindexProgress {

    private final ReindexJob job;
    private final ReindexJobs jobs;
    private final ReindexMetrics metrics;
    private final Map<String, AtomicLong> replayed = new ConcurrentHashMap<>();
    private final AtomicLong skipped = new AtomicLong();

    private volatile Phase phase = Phase.REPLAYING;
    private volatile Map<String, String> building = Map.of();
    private volatile Map<String, Long> documents = Map.of();
    private volatile Map<String, Long> liveDocuments = Map.of();

    ReindexProgress(ReindexJob job, ReindexJobs jobs, ReindexMetrics metrics) {
        this.job = job;
        this.jobs = jobs;
        this.metrics = metrics;
        metrics.started();
    }

    String id() {
        return job.id();
    }

    void phase(Phase phase) {
        this.phase = phase;
    }

    /** Per alias, the new version being built. */
    void building(Map<String, String> indices) {
        building = indices;
    }

    /** A read is about to hand over up to {@code events} more events. */
    void toRead(long events) {
        metrics.toRead(events);
    }

    /** A batch of {@code topic} was applied, all but {@code rejected} of its {@code events}. */
    void replayed(String topic, int events, int rejected) {
        replayed.computeIfAbsent(topic, t -> new AtomicLong()).addAndGet(events);
        skipped.addAndGet(rejected);
        metrics.replayed(events);
        publish();
    }

    /** What the new versions and the live ones held at a check, per alias. */
    void counted(Map<String, Long> rebuilt, Map<String, Long> live) {
        documents = Map.copyOf(rebuilt);
        liveDocuments = Map.copyOf(live);
        publish();
    }

    /** Per topic, how many events were read so far. */
    Map<String, AtomicLong> replayed() {
        return Collections.unmodifiableMap(replayed);
    }

    long skipped() {
        return skipped.get();
    }

    void publish() {
        publish(Status.RUNNING, null);
    }

    /** The job ended: succeeded without an {@code error}, failed with one. */
    void finish(String error) {
        Status status = error == null ? Status.SUCCEEDED : Status.FAILED;
        metrics.finished(status);
        publish(status, error);
    }

    private void publish(Status status, String error) {
        Map<String, Long> counts = new LinkedHashMap<>();
        replayed.forEach((topic, count) -> counts.put(topic, count.get()));
        boolean running = status == Status.RUNNING;
        jobs.update(new ReindexJob(
                job.id(),
                status,
                running ? phase : null,
                job.startedAt(),
                running ? null : Instant.now(),
                building,
                counts,
                skipped.get(),
                documents,
                liveDocuments,
                error));
    }
}
