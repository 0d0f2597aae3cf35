package io.roundup.product;

import static io.roundup.support.testing.TestTokens.editor;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.roundup.devservices.spring.Service;
import io.roundup.devservices.spring.WithDevServices;
import io.roundup.support.testing.WithTestTokens;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every integration test of the service needs: the HTTP API as an editor calls it, the stored documents, and a
 * reader of the product topic on the real broker. The service runs on the real Kafka and MongoDB.
 */
@SpringBootTest(properties = "logging.level.org.apache.kafka=WARN")
@AutoConfigureMockMvc
@WithDevServices({Service.KAFKA, Service.MONGODB})
@WithTestTokens
abstract class ProductServiceHarness {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JsonMapper json;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    ProductTopic topic;

    @BeforeEach
    void readTheTopic() {
        topic = new ProductTopic(brokers);
    }

    /** Creates a product through the API and returns its id. */
    String create(String name, String amount) throws Exception {
        return create(name, amount, "gear");
    }

    String create(String name, String amount, String kind) throws Exception {
        String response = mvc.perform(post("/api/products")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(name, amount).replace("\"gear\"", "\"" + kind + "\"")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response).get("id").asString();
    }

    /** The product's document as MongoDB holds it. */
    Document stored(String id) {
        return mongo.getCollection(Product.COLLECTION)
                .find(new Document("_id", new ObjectId(id)))
                .first();
    }

    static String body(String name, String amount) {
        return """
                {"name": "%s", "kind": "gear", "brand": "Northwind", "attributes": {"driver": "40 mm"},
                 "offers": [{"retailer": "Harbor Audio", "url": "https://shop.example.com/p", "price": {"amount": "%s", "currency": "USD"}}]}
                """.formatted(name, amount);
    }
}
