package io.roundup.article.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.roundup.devservices.spring.Service;
import io.roundup.devservices.spring.WithDevServices;
import io.roundup.events.ArticleIndexed;
import io.roundup.support.testing.WithTestTokens;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The view of what search shows, on the real MongoDB stand-in: the highest revision wins whatever order announcements
 * arrive in, and one arriving twice changes nothing. (Configured like the service's other integration tests, so the
 * same application context serves them all.)
 */
@SpringBootTest(properties = {"logging.level.org.apache.kafka=warn", "roundup.articles.product-patience=2s"})
@AutoConfigureMockMvc
@WithDevServices({Service.KAFKA, Service.MONGODB})
@WithTestTokens
class IndexedArticlesIT {

    @Autowired
    IndexedArticles view;

    @Test
    void theHighestRevisionWinsInAnyOrderAndARedeliveryChangesNothing() {
        String id = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-03-01T12:00:00Z");

        view.apply(new ArticleIndexed(id, 5, false, at.plusSeconds(5)));
        view.apply(new ArticleIndexed(id, 4, true, at.plusSeconds(4)));
        view.apply(new ArticleIndexed(id, 5, false, at.plusSeconds(9)));

        assertThat(view.find(id)).contains(new IndexedArticle(id, 5, false, at.plusSeconds(5)));

        view.apply(new ArticleIndexed(id, 6, true, at.plusSeconds(6)));
        assertThat(view.find(List.of(id, "unknown")))
                .containsOnlyKeys(id)
                .containsEntry(id, new IndexedArticle(id, 6, true, at.plusSeconds(6)));
    }
}
