package io.roundup.article.search;

import io.roundup.events.SearchEvent;
import io.roundup.support.messaging.ViewUpdates;
import java.util.function.Consumer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds {@code searchIndexed-in-0} (the {@code roundup.search.indexed} topic, group {@code article-service}) to the
 * view of what search shows. Like the catalog view, a message that is not a search event is logged and skipped: the
 * article's next announcement repairs the line, and until then its status errs on "not yet searchable".
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchSettings.class)
class SearchIndexedConsumer {

    @Bean
    Consumer<Message<byte[]>> searchIndexed(IndexedArticles view) {
        return ViewUpdates.of(SearchEvent.class, view::apply);
    }
}
