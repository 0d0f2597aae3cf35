package io.roundup.article.catalog;

import java.util.function.Consumer;

import io.roundup.events.CloudEventHeaders;
import io.roundup.events.EventCodec;
import io.roundup.events.ProductEvent;
import io.roundup.support.messaging.HeaderValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds {@code products-in-0} (the {@code roundup.products} topic, consumer group {@code article-service}) to the
 * catalog view. An event that cannot be read is logged and skipped: the view only answers "does it exist", and the
 * product's next event repairs it.
 */
@Configuration(proxyBeanMethods = false)
class ProductEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(ProductEventsConsumer.class);

    @Bean
    Consumer<Message<byte[]>> products(KnownProducts view) {
        EventCodec codec = new EventCodec();
        return message -> {
            String type = HeaderValues.text(message.getHeaders(), CloudEventHeaders.TYPE).orElse(null);
            try {
                if (type == null || !(codec.read(type, message.getPayload()) instanceof ProductEvent event)) {
                    log.warn("Skipped a message on the product topic that is not a product event (type {})", type);
                    return;
                }
                view.apply(event);
            }
            catch (EventCodec.UnreadableEvent ex) {
                log.warn("Skipped an unreadable product event (type {}): {}", type, ex.getMessage());
            }
        };
    }
}
