package io.roundup.article.messaging;

import io.roundup.article.Article;
import io.roundup.article.ArticleSettings;
import io.roundup.events.CloudEventHeaders;
import io.roundup.events.Topics;
import io.roundup.support.outbox.StateRelay;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/** Wires the shared state relay to the articles collection and the {@value Topics#ARTICLES} topic. */
@Configuration(proxyBeanMethods = false)
class ArticleRelayConfiguration {

    /** The output binding; its destination is {@link Topics#ARTICLES} (application.yml). */
    static final String BINDING = "articles-out-0";

    static final String SOURCE = CloudEventHeaders.ARTICLE_SERVICE_SOURCE;

    @Bean
    StateRelay<Article> articleRelay(MongoOperations mongo, StreamBridge bridge, ArticleSettings settings) {
        ArticleEventMapper mapper = new ArticleEventMapper();
        return new StateRelay<>(
                mongo,
                Article.class,
                Article.COLLECTION,
                bridge,
                BINDING,
                SOURCE,
                mapper::toEvent,
                settings.relay().sweepInterval());
    }
}
