package io.roundup.article;

import io.roundup.devservices.spring.Service;
import io.roundup.devservices.spring.WithDevServices;
import io.roundup.support.testing.WithTestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every integration test of the service needs around it on the real broker: the HTTP API, a reader of the
 * article topic, and a stand-in for product-service that has announced the product the test articles rank. The
 * service runs on the real Kafka and MongoDB; its callers' tokens come from {@code TestTokens}.
 */
@SpringBootTest(properties = {"logging.level.org.apache.kafka=warn", "roundup.articles.product-patience=2s"})
@AutoConfigureMockMvc
@WithDevServices({Service.KAFKA, Service.MONGODB})
@WithTestTokens
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ArticleServiceHarness {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    ArticleApi api;
    ArticleEventsProbe events;
    CatalogFeed catalog;

    @BeforeAll
    void openKafka() {
        events = new ArticleEventsProbe(brokers);
        // publishing checks that the catalog has the products an article ranks
        catalog = new CatalogFeed(brokers);
        catalog.announce(Fixtures.PRODUCT_ID, 1);
    }

    @AfterAll
    void closeKafka() {
        events.close();
        catalog.close();
    }

    @BeforeEach
    void openApi() {
        api = new ArticleApi(mvc, json);
    }
}
