package io.roundup.search.reindex;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * A reindex and how far it got.
 *
 * @param id the job id, for {@code GET /api/search/reindex/{id}}
 * @param status {@code QUEUED} (another reindex runs; this one starts when it ends), {@code RUNNING},
 *        {@code SUCCEEDED} or {@code FAILED}
 * @param startedAt when it started
 * @param finishedAt when it ended; absent while running
 * @param indices per alias, the physical index it now points at (once moved)
 * @param copied per alias, how many documents were copied into the new version
 * @param error why it failed; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReindexJob(String id, Status status, Instant startedAt, Instant finishedAt, Map<String, String> indices,
        Map<String, Long> copied, String error) {

    enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED
    }

    boolean isRunning() {
        return status == Status.RUNNING;
    }

    ReindexJob running() {
        return new ReindexJob(id, Status.RUNNING, Instant.now(), null, Map.of(), Map.of(), null);
    }
}
