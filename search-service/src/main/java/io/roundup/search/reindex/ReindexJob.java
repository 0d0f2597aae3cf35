package io.roundup.search.reindex;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * A reindex and how far it got: a snapshot, replaced as the job moves on.
 *
 * @param id the job id, for {@code GET /api/search/reindex/{id}}
 * @param status {@code QUEUED} (another reindex runs; this one starts when it ends), {@code RUNNING},
 *        {@code SUCCEEDED} or {@code FAILED}
 * @param phase while running: {@code REPLAYING} the topics into the new versions, {@code CHECKING} them against the
 *        live ones, {@code SWITCHING} the aliases over and catching up
 * @param startedAt when it started
 * @param finishedAt when it ended; absent while running
 * @param indices per alias, the new version being built (the alias moves to it at the end)
 * @param replayed per topic, how many events were read from it
 * @param toRead per topic, how many events the job reads in all, as far as it knows: the span of offsets from where its
 *        reads start to the topic's end (an upper bound: a compacted topic has gaps), announced for every topic when
 *        the replay starts and grown by the catching up at the switch; once the job succeeded, what was replayed, so
 *        {@code replayed / toRead} is a progress that ends at 1
 * @param skipped how many of them could not be applied (unreadable, or refused by the new version): each is logged
 * @param documents per alias, how many documents the new version held at the check
 * @param liveDocuments per alias, how many the live version held at the check
 * @param error why it failed; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReindexJob(
        String id,
        Status status,
        Phase phase,
        Instant startedAt,
        Instant finishedAt,
        Map<String, String> indices,
        Map<String, Long> replayed,
        Map<String, Long> toRead,
        long skipped,
        Map<String, Long> documents,
        Map<String, Long> liveDocuments,
        String error) {

    enum Status {
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    enum Phase {
        REPLAYING,
        CHECKING,
        SWITCHING
    }

    static ReindexJob queued(String id) {
        return new ReindexJob(
                id,
                Status.QUEUED,
                null,
                Instant.now(),
                null,
                Map.of(),
                Map.of(),
                Map.of(),
                0,
                Map.of(),
                Map.of(),
                null);
    }

    static ReindexJob running(String id) {
        return new ReindexJob(
                id,
                Status.RUNNING,
                Phase.REPLAYING,
                Instant.now(),
                null,
                Map.of(),
                Map.of(),
                Map.of(),
                0,
                Map.of(),
                Map.of(),
                null);
    }

    /** This snapshot ended as failed, for {@code error}, now. */
    ReindexJob failed(String error) {
        return new ReindexJob(
                id,
                Status.FAILED,
                null,
                startedAt,
                Instant.now(),
                indices,
                replayed,
                toRead,
                skipped,
                documents,
                liveDocuments,
                error);
    }

    boolean isRunning() {
        return status == Status.RUNNING;
    }
}
