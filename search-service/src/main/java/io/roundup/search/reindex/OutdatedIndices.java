package io.roundup.search.reindex;

import io.roundup.search.indices.SearchIndices;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, notices an index created from another definition (mappings, analysis or synonym rules other than
 * this version of the service's, as after an upgrade) and rebuilds it with a reindex, so that nobody has to remember.
 * Any difference counts, not only an older one: an instance of the previous version restarted in the middle of a
 * rolling upgrade would rebuild the index its own way, and the upgraded ones back at their next start. Switched off
 * with {@code roundup.search.reindex.when-outdated=false}.
 */
@Component
public class OutdatedIndices implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OutdatedIndices.class);

    private final SearchIndices indices;
    private final ReindexQueue reindexes;
    private final ReindexSettings settings;

    OutdatedIndices(SearchIndices indices, ReindexQueue reindexes, ReindexSettings settings) {
        this.indices = indices;
        this.reindexes = reindexes;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.whenOutdated()) {
            reindexIfOutdated();
        }
    }

    /** Starts a reindex when an index is outdated and none is under way on any copy; returns it. */
    public Optional<ReindexJob> reindexIfOutdated() {
        try {
            indices.ensureCreated();
            List<String> outdated = new ArrayList<>();
            for (String alias : SearchIndices.ALIASES) {
                if (!indices.isCurrent(alias)) {
                    outdated.add(alias);
                }
            }
            if (outdated.isEmpty()) {
                return Optional.empty();
            }
            // Every copy makes this check as it starts: only one of them rebuilds, the others see its job.
            Optional<ReindexJob> job = reindexes.startIfIdle();
            if (job.isPresent()) {
                log.info(
                        "The index behind {} was created from another definition; reindex {} rebuilds it",
                        outdated,
                        job.get().id());
            } else {
                log.info(
                        "The index behind {} was created from another definition; a reindex already under way on "
                                + "another copy rebuilds it",
                        outdated);
            }
            return job;
        } catch (IOException | RuntimeException ex) {
            log.warn(
                    "Could not check whether the search indices are current ({}); after an upgrade, "
                            + "POST /api/search/reindex",
                    ex.toString());
            return Optional.empty();
        }
    }
}
