package io.roundup.search.reindex;

import io.roundup.events.Topics;
import io.roundup.search.indexing.EventIndexing;
import io.roundup.search.indexing.IndexTarget;
import io.roundup.search.indexing.RawEvent;
import io.roundup.search.indexing.Rejected;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A reindex's second phase, and the catching up of the later ones: replays {@value Topics#PRODUCTS} and then
 * {@value Topics#ARTICLES} into a target with the same code the live consumers run, a batch at a time. An event that
 * cannot be applied is skipped and logged; a batch that fails for a passing reason is tried again ({@link BatchRetry}).
 */
@Component
class EventReplay {

    /**
     * Where a replay stopped in each topic: the start of the next one, which catches up with what arrived meanwhile.
     */
    record Positions(Map<TopicPartition, Long> products, Map<TopicPartition, Long> articles) {

        /** The topics' beginnings. */
        static final Positions START = new Positions(Map.of(), Map.of());
    }

    private static final Logger log = LoggerFactory.getLogger(EventReplay.class);

    private final TopicReplay topics;
    private final EventIndexing indexing;

    EventReplay(TopicReplay topics, EventIndexing indexing) {
        this.topics = topics;
        this.indexing = indexing;
    }

    /** Products first: each review is enriched from the product index it is built against. */
    Positions replay(Positions from, IndexTarget target, ReindexProgress progress) {
        BatchRetry retry = new BatchRetry(progress.id());
        progress.expect(Topics.PRODUCTS, topics.span(Topics.PRODUCTS, from.products()));
        progress.expect(Topics.ARTICLES, topics.span(Topics.ARTICLES, from.articles()));
        Map<TopicPartition, Long> products =
                replay(Topics.PRODUCTS, from.products(), target, indexing::products, retry, progress);
        Map<TopicPartition, Long> articles =
                replay(Topics.ARTICLES, from.articles(), target, indexing::articles, retry, progress);
        return new Positions(products, articles);
    }

    private Map<TopicPartition, Long> replay(
            String topic,
            Map<TopicPartition, Long> from,
            IndexTarget target,
            BiFunction<List<RawEvent>, IndexTarget, List<Rejected>> apply,
            BatchRetry retry,
            ReindexProgress progress) {
        return topics.read(topic, from, events -> progress.toRead(topic, events), batch -> {
            List<Rejected> rejected = retry.apply(() -> apply.apply(batch, target));
            rejected.forEach(r -> log.warn(
                    "Reindex {}: an event of {} was skipped: {}",
                    progress.id(),
                    topic,
                    r.reason().getMessage()));
            progress.replayed(topic, batch.size(), rejected.size());
        });
    }
}
