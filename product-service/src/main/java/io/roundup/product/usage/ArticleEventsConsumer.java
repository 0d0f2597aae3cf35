package io.roundup.product.usage;

import java.util.function.Consumer;

import io.roundup.events.ArticleEvent;
import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.support.messaging.HeaderValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds {@code articles-in-0} (the {@code roundup.articles} topic, consumer group {@code product-service}) to the usage
 * view. An event that cannot be read is logged and skipped; the article's next event repairs the view.
 */
@Configuration(proxyBeanMethods = false)
class ArticleEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(ArticleEventsConsumer.class);

    @Bean
    Consumer<Message<byte[]>> articles(ArticleUsages view) {
        EventCodec codec = new EventCodec();
        return message -> {
            String type = HeaderValues.text(message.getHeaders(), CloudEventHeaders.TYPE).orElse(null);
            try {
                if (type == null || !(codec.read(type, message.getPayload()) instanceof ArticleEvent event)) {
                    log.warn("Skipped a message on the article topic that is not an article event (type {})", type);
                    return;
                }
                view.apply(event);
            }
            catch (EventCodec.UnreadableEvent ex) {
                log.warn("Skipped an unreadable article event (type {}): {}", type, ex.getMessage());
            }
        };
    }
}
