package io.roundup.article.catalog;

import io.roundup.events.ProductEvent;
import io.roundup.support.messaging.ViewUpdates;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds {@code products-in-0} (the {@code roundup.products} topic, group {@code article-service}) to the catalog view. */
@Configuration(proxyBeanMethods = false)
class ProductEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> products(KnownProducts view) {
        return ViewUpdates.of(ProductEvent.class, view::apply);
    }
}
