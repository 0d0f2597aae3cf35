package io.roundup.search.reindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.roundup.search.indices.SearchIndices;
import io.roundup.search.reindex.EventReplay.Positions;
import io.roundup.search.reindex.ReindexJob.Phase;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A reindex's third phase: catches up with what arrived during the replay and checks the new versions against the
 * live ones. Each must hold at least as many documents, or the topics have lost something and the job fails, leaving
 * the aliases alone; a check that comes out short is tried again a few times, since live writes may still be landing.
 */
@Component
class VersionCheck {

    static final int CHECKS = 3;
    private static final Duration BETWEEN_CHECKS = Duration.ofSeconds(1);

    private final ElasticsearchClient client;
    private final EventReplay replay;

    VersionCheck(ElasticsearchClient client, EventReplay replay) {
        this.client = client;
        this.replay = replay;
    }

    /** Where the last catching up stopped, once the new versions hold enough. */
    Positions catchUpAndCheck(Rebuild rebuild, Positions from, ReindexProgress progress)
            throws IOException, InterruptedException {
        progress.phase(Phase.CHECKING);
        Positions positions = from;
        for (int check = 1; ; check++) {
            positions = replay.replay(positions, rebuild.next(), progress);
            String shortfall = compare(rebuild.building(), rebuild.live(), progress);
            if (shortfall == null) {
                return positions;
            }
            if (check == CHECKS) {
                throw new IllegalStateException(shortfall + ": the topics no longer hold every product and "
                        + "article (is their retention limited?); the aliases stay where they were");
            }
            Thread.sleep(BETWEEN_CHECKS);
        }
    }

    /** Null when every new version holds at least as many documents as the live one; otherwise what is short. */
    private String compare(Map<String, String> rebuilt, Map<String, String> live, ReindexProgress progress)
            throws IOException {
        client.indices().refresh(r -> r.index(List.copyOf(rebuilt.values())));
        client.indices().refresh(r -> r.index(List.copyOf(live.values())));
        Map<String, Long> counted = new LinkedHashMap<>();
        Map<String, Long> liveCounted = new LinkedHashMap<>();
        String shortfall = null;
        for (String alias : SearchIndices.ALIASES) {
            long now = client.count(c -> c.index(rebuilt.get(alias))).count();
            long before = client.count(c -> c.index(live.get(alias))).count();
            counted.put(alias, now);
            liveCounted.put(alias, before);
            if (now < before && shortfall == null) {
                shortfall = rebuilt.get(alias) + " holds " + now + " documents but the live " + live.get(alias)
                        + " holds " + before;
            }
        }
        progress.counted(counted, liveCounted);
        return shortfall;
    }
}
