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
    private final Map<String, Long> toRead = new ConcurrentHashMap<>();
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

    /**
     * Before the replay reads anything: {@code topic} has about {@code events} to read, so that the job's progress
     * knows every topic's share from the start instead of growing a topic at a time.
     */
    void expect(String topic, long events) {
        toRead.put(topic, replayedOf(topic) + events);
        publish();
    }

    /** A read of {@code topic} is about to hand over up to {@code events} more events. */
    void toRead(String topic, long events) {
        metrics.toRead(events);
        toRead.put(topic, replayedOf(topic) + events);
    }

    private long replayedOf(String topic) {
        AtomicLong count = replayed.get(topic);
        return count == null ? 0 : count.get();
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
        Map<String, Long> total = new LinkedHashMap<>(toRead);
        if (status == Status.SUCCEEDED) {
            // compacted topics leave gaps in their offsets: everything there was has been read
            total.putAll(counts);
        }
        jobs.update(new ReindexJob(
                job.id(),
                status,
                running ? phase : null,
                job.startedAt(),
                running ? null : Instant.now(),
                building,
                counts,
                total,
                skipped.get(),
                documents,
                liveDocuments,
                error));
    }
}
