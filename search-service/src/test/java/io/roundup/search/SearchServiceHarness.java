package io.roundup.search;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

/** What every integration test of the service needs: a producer of events on the real broker, and the HTTP API. */
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
