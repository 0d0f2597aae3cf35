package io.roundup.search;

import io.roundup.devservices.spring.Service;
import io.roundup.devservices.spring.WithDevServices;
import io.roundup.support.testing.WithTestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every integration test of the service needs: the service on the real Kafka and Elasticsearch, a producer of
 * events on that broker, and the HTTP API.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithDevServices({Service.KAFKA, Service.ELASTICSEARCH})
@WithTestTokens
abstract class SearchServiceHarness {

    @Autowired
    MockMvc mvc;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    Events events;
    SearchApi api;

    @BeforeEach
    void connect() {
        events = new Events(brokers);
        api = new SearchApi(mvc);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }
}
