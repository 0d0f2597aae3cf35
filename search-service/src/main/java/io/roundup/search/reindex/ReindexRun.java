package io.roundup.search.reindex;

import io.roundup.events.Topics;
import io.roundup.search.reindex.EventReplay.Positions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One reindex job, from start to end: rebuilds both indices from the event topics, which keep the latest event of
 * every product and article for good (they are compacted), in four phases:
 * <ol>
 * <li>create the next version of each index (settings, mappings and synonym rules as they are now) and start repeating
 * every live write into it ({@link NextVersions});</li>
 * <li>replay {@value Topics#PRODUCTS} and then {@value Topics#ARTICLES} from the beginning into them, with the same
 * code the live consumers run (reviews are enriched from the new product index; {@link EventReplay});</li>
 * <li>catch up with what arrived meanwhile, and check the new versions against the live ones: each must hold at least
 * as many documents, or the topics have lost something and the job fails, leaving the aliases alone
 * ({@link VersionCheck});</li>
 * <li>move both aliases in one atomic step, stop repeating, catch up once more (writes other copies of the service made
 * to the old versions in the meantime) and delete the old versions ({@link AliasSwitch}).</li>
 * </ol>
 * Readers see the old versions until the aliases move and the complete new ones after. The job's progress is
 * published as it goes ({@link ReindexProgress}); its outcome is its last snapshot, never an exception.
 */
@Component
class ReindexRun {

    private static final Logger log = LoggerFactory.getLogger(ReindexRun.class);

    private final NextVersions versions;
    private final EventReplay replay;
    private final VersionCheck check;
    private final AliasSwitch aliases;
    private final ReindexJobs jobs;
    private final ReindexMetrics metrics;

    ReindexRun(
            NextVersions versions,
            EventReplay replay,
            VersionCheck check,
            AliasSwitch aliases,
            ReindexJobs jobs,
            ReindexMetrics metrics) {
        this.versions = versions;
        this.replay = replay;
        this.check = check;
        this.aliases = aliases;
        this.jobs = jobs;
        this.metrics = metrics;
    }

    void run(ReindexJob job) {
        ReindexProgress progress = new ReindexProgress(job, jobs, metrics);
        log.info("Reindex {} started", job.id());
        // The indices this job created: the only ones it may delete when it fails.
        List<String> created = new ArrayList<>();
        boolean moved = false;
        String error = null;
        try {
            Rebuild rebuild = versions.create(created);
            progress.building(rebuild.building());
            progress.publish();
            Positions positions = replay.replay(Positions.START, rebuild.next(), progress);
            positions = check.catchUpAndCheck(rebuild, positions, progress);
            aliases.move(rebuild, progress);
            moved = true;
            versions.stopMirroring();
            aliases.catchUpAndRetire(rebuild, positions, progress);
            log.info(
                    "Reindex {} succeeded: {} events replayed, {} skipped",
                    job.id(),
                    progress.replayed(),
                    progress.skipped());
        } catch (Exception ex) {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Reindex {} failed", job.id(), ex);
            error = moved
                    ? "The aliases moved to the new versions, but catching up or deleting the old ones "
                            + "failed (run another reindex to be sure nothing is missing): " + ex.getMessage()
                    : String.valueOf(ex.getMessage());
        } finally {
            versions.stopMirroring();
            if (!moved) {
                versions.discard(job.id(), created);
            }
        }
        progress.finish(error);
    }
}
