package io.roundup.devservices.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.roundup.devservices.DevServices;
import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(WithDevServicesIT.Empty.class)
@WithDevServices({Service.KAFKA, Service.MONGODB})
@TestPropertySource(properties = "spring.cloud.stream.kafka.binder.brokers=from-the-test:1")
class WithDevServicesIT {

    @Autowired
    Environment environment;

    @Test
    void pointsTheContextAtTheSharedServers() {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(DevServices.kafka().bootstrapServers());
        assertThat(environment.getProperty("spring.mongodb.uri"))
                .isEqualTo(DevServices.mongo().connectionString() + "/test_WithDevServicesIT");
        assertThat(environment.getProperty("spring.elasticsearch.uris")).isNull();
    }

    @Test
    void leavesTheTestsOwnPropertiesOnTop() {
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.brokers"))
                .isEqualTo("from-the-test:1");
    }

    @Test
    void mongoUriWorksWithTheDriver(@Value("${spring.mongodb.uri}") String uri) {
        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase("test_WithDevServicesIT").getCollection("things").insertOne(new Document("n", 1));
            assertThat(client.getDatabase("test_WithDevServicesIT")
                            .getCollection("things")
                            .countDocuments())
                    .isEqualTo(1);
        }
    }

    @Nested
    class Inner {

        @Autowired
        Environment innerEnvironment;

        @Test
        void sharesTheOuterDatabase() {
            assertThat(innerEnvironment.getProperty("spring.mongodb.uri")).endsWith("/test_WithDevServicesIT");
        }
    }

    @Configuration
    static class Empty {}
}
