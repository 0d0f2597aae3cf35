package io.roundup.search.indexing;

import io.roundup.events.ArticleEvent;
import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.events.ProductEvent;
import io.roundup.support.messaging.HeaderValues;
import io.roundup.support.web.RequestIds;
import java.util.function.Consumer;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The two consumers, bound as {@code articles-in-0} and {@code products-in-0}. Each decodes by {@code ce_type} and
 * carries the producer's request id in the MDC while it indexes, so one id ties the HTTP write to the index write.
 * An unreadable message throws {@link EventCodec.UnreadableEvent}, which {@link IndexingFaults} dead-letters.
 */
@Configuration(proxyBeanMethods = false)
class IndexingConsumers {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    Consumer<Message<byte[]>> articles(EventCodec codec, ArticleIndexer indexer) {
        return message -> handle(message, codec, ArticleEvent.class, indexer::apply);
    }

    @Bean
    Consumer<Message<byte[]>> products(EventCodec codec, ProductIndexer indexer) {
        return message -> handle(message, codec, ProductEvent.class, indexer::apply);
    }

    static <E> void handle(Message<byte[]> message, EventCodec codec, Class<E> family, Consumer<E> handler) {
        HeaderValues.text(message.getHeaders(), CloudEventHeaders.REQUEST_ID)
                .map(RequestIds::acceptOrCreate)
                .ifPresent(id -> MDC.put(RequestIds.MDC_KEY, id));
        try {
            String ceType = HeaderValues.text(message.getHeaders(), CloudEventHeaders.TYPE)
                    .orElseThrow(() -> new EventCodec.UnreadableEvent("the message has no " + CloudEventHeaders.TYPE + " header"));
            Object event = codec.read(ceType, message.getPayload());
            if (!family.isInstance(event)) {
                throw new EventCodec.UnreadableEvent(ceType + " does not belong on this topic");
            }
            handler.accept(family.cast(event));
        }
        finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
