package io.roundup.search.reindex;

import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.search.reindex.ReindexJob.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One reindex at a time, one more queued behind it, and every job readable by its id for a while. */
class LocalReindexJobsTests {

    private final LocalReindexJobs jobs = new LocalReindexJobs();

    @Test
    void aRequestWhileOneRunsQueuesOneMoreAndLaterRequestsJoinIt() {
        ReindexJob first = jobs.request();
        ReindexJob second = jobs.request();
        ReindexJob third = jobs.request();

        assertThat(first.status()).isEqualTo(Status.RUNNING);
        assertThat(second.status()).isEqualTo(Status.QUEUED);
        assertThat(third).isEqualTo(second);
        assertThat(jobs.find(first.id())).contains(first);
        assertThat(jobs.find(second.id())).contains(second);
    }

    @Test
    void whenTheRunningJobEndsTheQueuedOneRunsUnderItsId() {
        ReindexJob first = jobs.request();
        ReindexJob queued = jobs.request();

        ReindexJob next = jobs.ended(first).orElseThrow();

        assertThat(next.id()).isEqualTo(queued.id());
        assertThat(next.status()).isEqualTo(Status.RUNNING);
        assertThat(jobs.find(queued.id())).contains(next);
        assertThat(jobs.request().status()).isEqualTo(Status.QUEUED);
    }

    @Test
    void withNothingQueuedTheNextRequestRunsAtOnce() {
        ReindexJob first = jobs.request();

        assertThat(jobs.ended(first)).isEmpty();
        assertThat(jobs.request().status()).isEqualTo(Status.RUNNING);
    }

    @Test
    void aJobReadsAsItsLatestSnapshotAndTheOldestAreForgotten() {
        List<ReindexJob> started = new ArrayList<>();
        for (int i = 0; i <= LocalReindexJobs.REMEMBERED; i++) {
            ReindexJob job = jobs.request();
            started.add(job);
            jobs.ended(job);
        }
        ReindexJob last = started.getLast();
        ReindexJob failed = new ReindexJob(
                last.id(),
                Status.FAILED,
                null,
                last.startedAt(),
                last.startedAt(),
                last.indices(),
                last.replayed(),
                0,
                last.documents(),
                last.liveDocuments(),
                "boom");
        jobs.update(failed);

        assertThat(jobs.find(last.id())).contains(failed);
        assertThat(jobs.find(started.getFirst().id())).isEmpty();
        assertThat(jobs.find(started.get(1).id())).isPresent();
    }
}
