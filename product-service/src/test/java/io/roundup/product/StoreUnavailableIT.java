package io.roundup.product;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.roundup.devservices.MongoServer;
import io.roundup.devservices.MongoSettings;
import io.roundup.devservices.spring.Service;
import io.roundup.devservices.spring.WithDevServices;
import io.roundup.support.testing.WithTestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A copy whose MongoDB has gone away answers readers at once with a 503 problem and {@code Retry-After} (the driver's
 * waits are bounded), reports itself not ready, and stays alive. The test runs its own MongoDB, so that stopping it
 * leaves the other tests' server alone.
 */
@SpringBootTest(properties = "logging.level.org.apache.kafka=WARN")
@AutoConfigureMockMvc
@WithDevServices(Service.KAFKA)
@WithTestTokens
class StoreUnavailableIT {

    private static final MongoServer MONGO =
            MongoServer.start(MongoSettings.defaults().withMode(MongoSettings.Mode.EMBEDDED));

    @DynamicPropertySource
    static void ownMongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.connectionString("products"));
    }

    @AfterAll
    static void closeMongo() {
        MONGO.close();
    }

    @Autowired
    MockMvc mvc;

    @Test
    void readsAnswer503WithRetryAfterWhileTheStoreIsUnreachable() throws Exception {
        mvc.perform(get("/api/products")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());

        MONGO.stop();

        mvc.perform(get("/api/products"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.title").value("Service unavailable"));
        mvc.perform(get("/api/products/6650f0c2a1b2c3d4e5f60718"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }
}
