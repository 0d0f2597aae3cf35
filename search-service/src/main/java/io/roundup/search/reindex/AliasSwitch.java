package io.roundup.search.reindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.roundup.search.indexing.IndexTarget;
import io.roundup.search.indices.SearchIndices;
import io.roundup.search.reindex.EventReplay.Positions;
import io.roundup.search.reindex.ReindexJob.Phase;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A reindex's last phase: moves both aliases to the new versions in one atomic step, then catches up with what other
 * copies of the service wrote to the old versions in the meantime and retires those.
 */
@Component
class AliasSwitch {

    private static final Logger log = LoggerFactory.getLogger(AliasSwitch.class);

    private final ElasticsearchClient client;
    private final EventReplay replay;
    private final ReindexSettings settings;

    AliasSwitch(ElasticsearchClient client, EventReplay replay, ReindexSettings settings) {
        this.client = client;
        this.replay = replay;
        this.settings = settings;
    }

    /** Readers see the old versions until this returns, and the complete new ones after. */
    void move(Rebuild rebuild, ReindexProgress progress) throws IOException {
        progress.phase(Phase.SWITCHING);
        progress.publish();
        IndexTarget next = rebuild.next();
        client.indices()
                .updateAliases(u -> u.actions(a ->
                                a.remove(r -> r.index(rebuild.liveProducts()).alias(SearchIndices.PRODUCTS)))
                        .actions(a -> a.add(ad -> ad.index(next.products())
                                .alias(SearchIndices.PRODUCTS)
                                .isWriteIndex(true)))
                        .actions(a ->
                                a.remove(r -> r.index(rebuild.liveReviews()).alias(SearchIndices.REVIEWS)))
                        .actions(a -> a.add(ad -> ad.index(next.reviews())
                                .alias(SearchIndices.REVIEWS)
                                .isWriteIndex(true))));
    }

    /** Once the aliases moved (and live writes are no longer mirrored). */
    void catchUpAndRetire(Rebuild rebuild, Positions positions, ReindexProgress progress)
            throws InterruptedException, IOException {
        log.info(
                "Reindex {}: {} now points at {} and {} at {}",
                progress.id(),
                SearchIndices.PRODUCTS,
                rebuild.next().products(),
                SearchIndices.REVIEWS,
                rebuild.next().reviews());
        // What other copies of the service wrote only to the old versions before the aliases moved.
        replay.replay(positions, IndexTarget.LIVE, progress);
        // A search that resolved the alias just before it moved still runs on the old versions: let it end.
        Thread.sleep(settings.retireAfter());
        client.indices().delete(d -> d.index(rebuild.liveProducts(), rebuild.liveReviews()));
    }
}
