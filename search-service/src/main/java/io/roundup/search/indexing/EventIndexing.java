package io.roundup.search.indexing;

import io.opentelemetry.context.Scope;
import io.roundup.events.ArticleEvent;
import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.events.ProductEvent;
import io.roundup.search.indices.SearchIndices;
import io.roundup.support.tracing.TraceParents;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Decodes a batch of events by {@code ce_type} and applies it to an {@link IndexTarget}: the live consumers and a
 * reindex's replay of the topics go through here alike. Every readable event is applied; what cannot be (unreadable,
 * or refused by Elasticsearch for what it is) comes back as {@link Rejected}, ordered by position. A passing failure
 * throws, and the whole batch may be applied again: that is harmless, every write is at the event's revision.
 */
@Component
public class EventIndexing {

    private final EventCodec codec;
    private final SearchIndices indices;
    private final ArticleIndexer articles;
    private final ProductIndexer products;

    EventIndexing(EventCodec codec, SearchIndices indices, ArticleIndexer articles, ProductIndexer products) {
        this.codec = codec;
        this.indices = indices;
        this.articles = articles;
        this.products = products;
    }

    public List<Rejected> articles(List<RawEvent> batch, IndexTarget target) {
        return apply(batch, ArticleEvent.class, readable -> articles.apply(readable, target), target);
    }

    public List<Rejected> products(List<RawEvent> batch, IndexTarget target) {
        return apply(batch, ProductEvent.class, readable -> products.apply(readable, target), target);
    }

    private <E> List<Rejected> apply(
            List<RawEvent> batch,
            Class<E> family,
            Function<List<Decoded<E>>, List<Rejected>> indexer,
            IndexTarget target) {
        List<Rejected> rejected = new ArrayList<>();
        List<Decoded<E>> readable = decode(batch, family, rejected);
        ensureCreated(target);
        // The batch's writes (the bulk's span) go in the trace of its first traced record; each record's log lines
        // in its own (Decoded#withRequestId).
        try (Scope trace = TraceParents.restore(firstTrace(readable))) {
            rejected.addAll(indexer.apply(readable));
        }
        rejected.sort(Comparator.comparingInt(Rejected::position));
        return rejected;
    }

    private static String firstTrace(List<? extends Decoded<?>> batch) {
        return batch.stream()
                .map(Decoded::traceparent)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private void ensureCreated(IndexTarget target) {
        if (target.live()) {
            indices.ensureCreated();
        }
    }

    private <E> List<Decoded<E>> decode(List<RawEvent> batch, Class<E> family, List<Rejected> rejected) {
        List<Decoded<E>> readable = new ArrayList<>(batch.size());
        for (int position = 0; position < batch.size(); position++) {
            RawEvent raw = batch.get(position);
            try {
                readable.add(new Decoded<>(position, read(raw, family), raw.requestId(), raw.traceparent()));
            } catch (EventCodec.UnreadableEvent ex) {
                rejected.add(new Rejected(position, ex));
            }
        }
        return readable;
    }

    private <E> E read(RawEvent raw, Class<E> family) {
        if (raw.ceType() == null) {
            throw new EventCodec.UnreadableEvent("the message has no " + CloudEventHeaders.TYPE + " header");
        }
        if (raw.payload() == null || raw.payload().length == 0) {
            throw new EventCodec.UnreadableEvent("the message has no payload");
        }
        Object event = codec.read(raw.ceType(), raw.payload());
        if (!family.isInstance(event)) {
            throw new EventCodec.UnreadableEvent(raw.ceType() + " does not belong on this topic");
        }
        return family.cast(event);
    }
}
