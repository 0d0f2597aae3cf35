package io.roundup.product.usage;

import io.roundup.events.ArticleEvent;
import io.roundup.support.messaging.ViewUpdates;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds {@code articles-in-0} (the {@code roundup.articles} topic, group {@code product-service}) to the usage view. */
@Configuration(proxyBeanMethods = false)
class ArticleEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> articles(ArticleUsages view) {
        return ViewUpdates.of(ArticleEvent.class, view::apply);
    }
}
