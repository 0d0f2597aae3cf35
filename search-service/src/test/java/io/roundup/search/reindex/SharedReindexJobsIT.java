package io.roundup.search.reindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.roundup.devservices.spring.Service;
import io.roundup.devservices.spring.WithDevServices;
import io.roundup.search.reindex.ReindexJob.Status;
import io.roundup.support.testing.WithTestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The reindex lease on a real Elasticsearch, held by two copies as two {@link SharedReindexJobs} on one store (an
 * index of the test's own, so the service's own lease keeper stays out of it): one job at a time, one more queued
 * behind it whichever copy is asked, every job readable from both, and a lease its holder stopped renewing expires so
 * that the other copy takes the queue over. The context is the one every integration test of the service shares; it
 * is only here for its client.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithDevServices({Service.KAFKA, Service.ELASTICSEARCH})
@WithTestTokens
class SharedReindexJobsIT {

    private static final Duration TTL = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    ElasticsearchClient client;

    private String index;
    private SharedReindexJobs first;
    private SharedReindexJobs second;

    @BeforeEach
    void twoCopies() {
        index = "test-reindex-lease-" + UUID.randomUUID().toString().substring(0, 8);
        first = new SharedReindexJobs(client, index, "copy-1", TTL);
        second = new SharedReindexJobs(client, index, "copy-2", TTL);
    }

    @AfterEach
    void dropStore() throws Exception {
        client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    }

    @Test
    void askedOnTwoCopiesAtOnceOneJobRunsAndOneMoreIsQueuedAndBothCopiesReadBoth() throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CompletableFuture<ReindexJob> onFirst = CompletableFuture.supplyAsync(() -> atOnce(ready, first));
        CompletableFuture<ReindexJob> onSecond = CompletableFuture.supplyAsync(() -> atOnce(ready, second));
        List<ReindexJob> answers = List.of(onFirst.get(30, TimeUnit.SECONDS), onSecond.get(30, TimeUnit.SECONDS));

        assertThat(answers).extracting(ReindexJob::status).containsExactlyInAnyOrder(Status.RUNNING, Status.QUEUED);
        for (ReindexJob job : answers) {
            assertThat(first.find(job.id())).contains(job);
            assertThat(second.find(job.id())).contains(job);
        }
        ReindexJob queued = answers.stream()
                .filter(job -> job.status() == Status.QUEUED)
                .findFirst()
                .orElseThrow();
        assertThat(first.request()).as("a third request joins the queued job").isEqualTo(queued);
        assertThat(second.request()).isEqualTo(queued);
        assertThat(first.requestIfIdle()).isEmpty();
        assertThat(second.requestIfIdle()).isEmpty();
    }

    @Test
    void theCopyRunningAJobRunsTheQueuedOneWhenItEndsUnderItsId() {
        ReindexJob running = first.request();
        ReindexJob queued = second.request();
        assertThat(running.status()).isEqualTo(Status.RUNNING);
        assertThat(queued.status()).isEqualTo(Status.QUEUED);

        first.update(succeeded(running));
        ReindexJob next = first.ended(running).orElseThrow();

        assertThat(next.id()).isEqualTo(queued.id());
        assertThat(next.status()).isEqualTo(Status.RUNNING);
        assertThat(second.find(queued.id()).map(ReindexJob::status)).contains(Status.RUNNING);
        assertThat(second.find(running.id()).map(ReindexJob::status)).contains(Status.SUCCEEDED);
        assertThat(second.request().status()).as("queued behind the next one").isEqualTo(Status.QUEUED);
    }

    @Test
    void aHolderThatKeepsRenewingKeepsItsLease() {
        ReindexJob running = first.request();
        ReindexJob queued = second.request();

        // several TTLs of both copies' renewal rounds: the other copy never takes the queued job over
        await().during(TTL.multipliedBy(3)).atMost(TTL.multipliedBy(5)).until(() -> {
            first.tick();
            return second.tick().isEmpty();
        });

        assertThat(second.find(running.id()).map(ReindexJob::status)).contains(Status.RUNNING);
        assertThat(second.find(queued.id()).map(ReindexJob::status)).contains(Status.QUEUED);
        first.update(running); // still its holder: no LeaseLost
    }

    @Test
    void aLeaseLeftByAKilledCopyExpiresAndTheOtherCopyTakesTheQueuedJobOver() {
        ReindexJob killed = first.request(); // then the first copy is killed: it renews nothing from here on
        ReindexJob queued = second.request();
        assertThat(second.tick()).as("not expired yet").isEmpty();

        AtomicReference<ReindexJob> taken = new AtomicReference<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            second.tick().ifPresent(taken::set);
            return taken.get() != null;
        });

        assertThat(taken.get().id()).isEqualTo(queued.id());
        assertThat(taken.get().status()).isEqualTo(Status.RUNNING);
        ReindexJob abandoned = second.find(killed.id()).orElseThrow();
        assertThat(abandoned.status()).isEqualTo(Status.FAILED);
        assertThat(abandoned.error()).isEqualTo(SharedReindexJobs.ABANDONED);
        assertThat(abandoned.finishedAt()).isNotNull();

        // Should the first copy only have hung, it learns at its next renewal that it lost the lease, and stops.
        assertThat(first.tick()).isEmpty();
        assertThatThrownBy(() -> first.update(killed)).isInstanceOf(ReindexJobs.LeaseLost.class);
        assertThat(first.ended(killed)).isEmpty();
        assertThat(second.find(queued.id()).map(ReindexJob::status)).contains(Status.RUNNING);
        assertThat(first.request().status()).as("the second copy runs now").isEqualTo(Status.QUEUED);
    }

    @Test
    void anExpiredLeaseWithNothingQueuedIsClearedAndItsJobReadsAsFailed() {
        ReindexJob killed = first.request();

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            second.tick();
            return second.find(killed.id()).map(ReindexJob::status).orElseThrow() == Status.FAILED;
        });

        assertThat(second.requestIfIdle().map(ReindexJob::status)).contains(Status.RUNNING);
    }

    private static ReindexJob succeeded(ReindexJob job) {
        return new ReindexJob(
                job.id(),
                Status.SUCCEEDED,
                null,
                job.startedAt(),
                Instant.now(),
                job.indices(),
                job.replayed(),
                job.toRead(),
                0,
                job.documents(),
                job.liveDocuments(),
                null);
    }

    private static ReindexJob atOnce(CountDownLatch ready, SharedReindexJobs copy) {
        ready.countDown();
        try {
            ready.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return copy.request();
    }
}
