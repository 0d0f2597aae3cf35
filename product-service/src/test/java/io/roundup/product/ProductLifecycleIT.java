package io.roundup.product;

import static io.roundup.support.testing.TestTokens.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.roundup.events.CloudEventHeaders;
import io.roundup.support.web.RequestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** The catalog on a real MongoDB-compatible server and a real Kafka broker: what is saved is what is announced. */
class ProductLifecycleIT extends ProductServiceHarness {

    private static final Duration ANNOUNCED_WITHIN = Duration.ofSeconds(20);

    @Test
    void aCreatedProductIsAnnouncedWithItsWholeStateKeyedByItsId() throws Exception {
        String requestId = "create-" + UUID.randomUUID();
        MvcResult created = mvc.perform(post("/api/products")
                        .with(editor())
                        .header(RequestIds.HEADER, requestId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("Northwind Studio Monitor", "129")))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andReturn();
        String id = id(created);
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/products/" + id);

        ConsumerRecord<String, byte[]> event = awaitRevision(id, 1);

        assertThat(event.key()).isEqualTo(id);
        assertThat(ProductTopic.header(event, CloudEventHeaders.TYPE)).contains("roundup.product.v1");
        assertThat(ProductTopic.header(event, CloudEventHeaders.SOURCE)).contains("/product-service");
        assertThat(ProductTopic.header(event, CloudEventHeaders.SUBJECT)).contains(id);
        assertThat(ProductTopic.header(event, CloudEventHeaders.SPEC_VERSION)).contains("1.0");
        assertThat(ProductTopic.header(event, CloudEventHeaders.REQUEST_ID)).contains(requestId);
        assertThat(ProductTopic.header(event, CloudEventHeaders.ID)).hasValueSatisfying(ceId -> UUID.fromString(ceId));
        assertThat(ProductTopic.header(event, CloudEventHeaders.TIME)).hasValueSatisfying(time -> Instant.parse(time));

        JsonNode payload = json.readTree(event.value());
        assertThat(payload.get("productId").asString()).isEqualTo(id);
        assertThat(payload.get("revision").asLong()).isEqualTo(1);
        assertThat(payload.get("name").asString()).isEqualTo("Northwind Studio Monitor");
        assertThat(payload.get("kind").asString()).isEqualTo("gear");
        assertThat(payload.get("attributes").get("driver").asString()).isEqualTo("40 mm");
        JsonNode amount = payload.get("offers").get(0).get("price").get("amount");
        assertThat(amount.isString()).as("amount is a JSON string").isTrue();
        assertThat(amount.asString()).isEqualTo("129.00");

        await().atMost(ANNOUNCED_WITHIN)
                .untilAsserted(() ->
                        assertThat(stored(id).getBoolean("announcePending")).isFalse());
        assertThat(stored(id).getLong("announcedRevision")).isEqualTo(1);
    }

    @Test
    void anUpdateIsAnnouncedAsTheNextRevision() throws Exception {
        String id = create("Harbor Turntable", "299");

        mvc.perform(put("/api/products/" + id)
                        .with(editor())
                        .header(HttpHeaders.IF_MATCH, "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("Harbor Turntable Mk II", "249.5")))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.lowestPrice.amount").value("249.50"));

        ConsumerRecord<String, byte[]> event = awaitRevision(id, 2);
        JsonNode payload = json.readTree(event.value());
        assertThat(payload.get("name").asString()).isEqualTo("Harbor Turntable Mk II");
        assertThat(payload.get("offers").get(0).get("price").get("amount").asString())
                .isEqualTo("249.50");

        mvc.perform(get("/api/products/" + id))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(jsonPath("$.name").value("Harbor Turntable Mk II"));
    }

    @Test
    void aDeletedProductIsAnnouncedAsRemovedAndDisappearsFromReads() throws Exception {
        String id = create("Lighthouse Lamp", "45");
        awaitRevision(id, 1);

        mvc.perform(delete("/api/products/" + id).with(editor())).andExpect(status().isNoContent());

        ConsumerRecord<String, byte[]> event = awaitRevision(id, 2);
        assertThat(ProductTopic.header(event, CloudEventHeaders.TYPE)).contains("roundup.product.removed.v1");
        assertThat(json.readTree(event.value()).get("productId").asString()).isEqualTo(id);

        mvc.perform(get("/api/products/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/products").param("q", "Lighthouse Lamp"))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(delete("/api/products/" + id).with(editor())).andExpect(status().isNotFound());
        assertThat(stored(id).getBoolean("deleted")).as("the tombstone stays").isTrue();
    }

    @Test
    void aProductThatPublishedReviewsRankIsKeptAndTheReviewsAreNamed() throws Exception {
        String id = create("Beacon Headphones", "99");
        String review = new ObjectId().toHexString();
        try (ArticleFeed articles = new ArticleFeed(brokers)) {
            articles.published(review, 2, "Best Beacons", new ObjectId().toHexString(), id);
            articles.published(review, 1, "Older Title"); // a late, older event changes nothing
            String sentinel = new ObjectId().toHexString();
            articles.published(sentinel, 1, "Sentinel"); // one partition: once it is in, so are the two before it
            await().atMost(ANNOUNCED_WITHIN).until(() -> usage(sentinel) != null);

            mvc.perform(delete("/api/products/" + id).with(editor()))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.articles[0].id").value(review))
                    .andExpect(jsonPath("$.articles[0].title").value("Best Beacons"));
            mvc.perform(get("/api/products/" + id))
                    .andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.ETAG, "\"1\""));

            articles.unpublished(review, 3);
            await().atMost(ANNOUNCED_WITHIN).until(() -> !usage(review).getBoolean("published"));
            mvc.perform(delete("/api/products/" + id).with(editor())).andExpect(status().isNoContent());
        }
        assertThat(ProductTopic.header(awaitRevision(id, 2), CloudEventHeaders.TYPE))
                .contains("roundup.product.removed.v1");
    }

    private Document usage(String articleId) {
        return mongo.findOne(
                Query.query(Criteria.where("_id").is(new ObjectId(articleId))), Document.class, "articleUsage");
    }

    @Test
    void aStaleIfMatchChangesAndAnnouncesNothing() throws Exception {
        String id = create("Quayside Speakers", "499");
        mvc.perform(put("/api/products/" + id)
                        .with(editor())
                        .header(HttpHeaders.IF_MATCH, "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("Quayside Speakers (walnut)", "519")))
                .andExpect(status().isOk());

        mvc.perform(put("/api/products/" + id)
                        .with(editor())
                        .header(HttpHeaders.IF_MATCH, "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("Lost update", "1")))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentRevision").value(2));
        mvc.perform(delete("/api/products/" + id).with(editor()).header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(put("/api/products/" + id)
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("Lost update", "1")))
                .andExpect(status().isPreconditionRequired());

        mvc.perform(get("/api/products/" + id))
                .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
                .andExpect(jsonPath("$.name").value("Quayside Speakers (walnut)"));

        // A later accepted write on the same key is announced after anything the refused ones could have caused.
        mvc.perform(put("/api/products/" + id)
                        .with(editor())
                        .header(HttpHeaders.IF_MATCH, "\"2\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("Quayside Speakers (oak)", "519")))
                .andExpect(status().isOk());
        awaitRevision(id, 3);
        List<ConsumerRecord<String, byte[]>> events = topic.eventsFor(id);
        assertThat(events)
                .extracting(e -> json.readTree(e.value()).get("revision").asLong())
                .containsOnly(1L, 2L, 3L);
        assertThat(events)
                .extracting(e -> json.readTree(e.value()).get("name").asString())
                .doesNotContain("Lost update");
    }

    @Test
    void anInvalidProductIsNeitherStoredNorAnnounced() throws Exception {
        long before = mongo.getCollection(Product.COLLECTION).countDocuments();

        mvc.perform(post("/api/products")
                        .with(editor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Refused\", \"kind\": \"Not A Kind\", \"revision\": 9}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.kind").exists())
                .andExpect(jsonPath("$.errors.revision").exists());

        assertThat(mongo.getCollection(Product.COLLECTION).countDocuments()).isEqualTo(before);
    }

    @Test
    void malformedAndUnknownIdsAreNotFound() throws Exception {
        mvc.perform(get("/api/products/not-an-id")).andExpect(status().isNotFound());
        mvc.perform(get("/api/products/" + new ObjectId().toHexString())).andExpect(status().isNotFound());
        mvc.perform(put("/api/products/not-an-id")
                        .with(editor())
                        .header(HttpHeaders.IF_MATCH, "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("X", "1")))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/products/" + new ObjectId().toHexString())
                        .with(editor())
                        .header(HttpHeaders.IF_MATCH, "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("X", "1")))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/products/" + new ObjectId().toHexString()).with(editor()))
                .andExpect(status().isNotFound());
    }

    @Test
    void nameSearchMatchesPrefixesOfTheNameAndOfItsWordsAsPlainText() throws Exception {
        String kind = "k" + Long.toString(System.nanoTime(), 36);
        create("Zephyr Headphones", "10", kind);
        create("Ápex Headphones Pro", "20", kind);
        create("Mistral (2024) Edition [Blu-ray]", "30", kind);
        create("Other Kind Headphones", "40", "gear");

        mvc.perform(get("/api/products").param("kind", kind))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.items[0].name").value("Ápex Headphones Pro"))
                .andExpect(jsonPath("$.items[1].name").value("Mistral (2024) Edition [Blu-ray]"))
                .andExpect(jsonPath("$.items[2].name").value("Zephyr Headphones"));
        mvc.perform(get("/api/products").param("kind", kind).param("q", "zeph"))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].name").value("Zephyr Headphones"));
        mvc.perform(get("/api/products").param("kind", kind).param("q", "HEADPH"))
                .andExpect(jsonPath("$.totalItems").value(2));
        mvc.perform(get("/api/products").param("kind", kind).param("q", "apex head"))
                .andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get("/api/products").param("kind", kind).param("q", "(2024"))
                .andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get("/api/products").param("kind", kind).param("q", "[blu-ray]"))
                .andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get("/api/products").param("kind", kind).param("q", ".*"))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/products").param("kind", kind).param("q", "phones"))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/products").param("kind", kind).param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].name").value("Zephyr Headphones"))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(2));
    }

    @Test
    void readinessWaitsForMongoKafkaAndTheConsumersShareOfPartitions() throws Exception {
        // ready once the consumer has joined its group, which may take a moment after the start
        await().atMost(ANNOUNCED_WITHIN)
                .untilAsserted(() -> mvc.perform(get("/actuator/health/readiness"))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.status").value("UP"))
                        .andExpect(jsonPath("$.components.mongo.status").value("UP"))
                        .andExpect(jsonPath("$.components.binders.status").value("UP"))
                        .andExpect(jsonPath("$.components.partitions.status").value("UP")));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    private ConsumerRecord<String, byte[]> awaitRevision(String id, long revision) {
        return await().atMost(ANNOUNCED_WITHIN)
                .until(
                        () -> topic.eventsFor(id).stream()
                                .filter(e ->
                                        json.readTree(e.value()).get("revision").asLong() == revision)
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
    }

    private String id(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString())
                .get("id")
                .asString();
    }
}
