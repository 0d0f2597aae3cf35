package io.roundup.search.query;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which highlighter readers' searches ask for. The fast vector highlighter needs the term vectors that the review
 * index keeps since its definition asked for them; a version created before (still live while the reindex that
 * start-up begins for an outdated index runs, or put back by an older copy) refuses it with a 400. Then searches use
 * the unified highlighter, as they did before, and try the fast one again after {@link #RETRY_AFTER}, so that a copy
 * notices the new version without a restart and costs an index without term vectors one refused search a minute.
 */
@Component
class HighlighterChoice {

    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(HighlighterChoice.class);

    private final LongSupplier nanoTime;

    private volatile long unifiedUntil;

    private volatile boolean unified;

    HighlighterChoice() {
        this(System::nanoTime);
    }

    HighlighterChoice(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    HighlighterType current() {
        if (unified && nanoTime.getAsLong() - unifiedUntil >= 0) {
            unified = false;
        }
        return unified ? HighlighterType.Unified : HighlighterType.FastVector;
    }

    /** The index refused the fast vector highlighter: the unified one for a while. */
    void fallBack() {
        if (!unified) {
            log.info(
                    "The review index has no term vectors (created from an older definition?): highlighting with the "
                            + "unified highlighter for {} s",
                    RETRY_AFTER.toSeconds());
        }
        unifiedUntil = nanoTime.getAsLong() + RETRY_AFTER.toNanos();
        unified = true;
    }

    /** Whether Elasticsearch refused a search because a highlighted field has no term vectors. */
    static boolean refusesFastVectors(ElasticsearchException ex) {
        if (ex.status() != 400 || ex.error() == null) {
            return false;
        }
        List<ErrorCause> causes = new ArrayList<>();
        causes.add(ex.error());
        for (int i = 0; i < causes.size() && i < 20; i++) {
            ErrorCause cause = causes.get(i);
            String reason = cause.reason();
            if (reason != null && reason.toLowerCase(Locale.ROOT).contains("fast vector highlighter")) {
                return true;
            }
            causes.addAll(cause.rootCause());
            if (cause.causedBy() != null) {
                causes.add(cause.causedBy());
            }
        }
        return false;
    }
}
