package io.roundup.search.reindex;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * A reindex and how far it got.
 *
 * @param id the job id, for {@code GET /api/search/reindex/{id}}
 * @param status {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
 * @param startedAt when it started
 * @param finishedAt when it ended; absent while running
 * @param indices per alias, the physical index it now points at (once moved)
 * @param copied per alias, how many documents were copied into the new version
 * @param error why it failed; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReindexJob(String id, Status status, Instant startedAt, Instant finishedAt, Map<String, String> indices,
        Map<String, Long> copied, String error) {

    enum Status {
        RUNNING, SUCCEEDED, FAILED
    }

    boolean isRunning() {
        return status == Status.RUNNING;
    }
}
