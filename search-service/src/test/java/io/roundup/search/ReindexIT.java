package io.roundup.search;

import static io.roundup.search.Events.content;
import static io.roundup.search.Events.id;
import static io.roundup.search.Events.product;
import static io.roundup.search.Events.published;
import static io.roundup.search.Events.withStatus;
import static io.roundup.search.Events.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.roundup.devservices.spring.Service;
import io.roundup.devservices.spring.WithDevServices;
import io.roundup.events.ArticleChanged;
import io.roundup.events.ArticleStatus;
import io.roundup.search.indexing.SearchIndices;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import tools.jackson.databind.JsonNode;

/** A reindex moves both aliases to new index versions and keeps everything: content, prices and tombstones. */
@SpringBootTest(properties = "roundup.auth.jwk-set-uri=http://127.0.0.1:1/unused")
@AutoConfigureMockMvc
@WithDevServices({ Service.KAFKA, Service.ELASTICSEARCH })
@ExtendWith(OutputCaptureExtension.class)
class ReindexIT extends SearchServiceHarness {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    SearchIndices indices;

    @Test
    void aReindexMovesTheAliasesAndKeepsEveryDocument() throws Exception {
        String word = word();
        String productId = id();
        String kept = id();
        String gone = id();
        events.send(product(productId, 1, "Reindexed lamp", "gear", "42.00"));
        events.send(published(kept, 1, Instant.now(), content("Kept " + word, "s", "c", List.of(), "a", "b",
                List.of(productId))));
        ArticleChanged goneFirst = published(gone, 1, Instant.now(), content("Gone " + word, "s", "c", List.of(), "a",
                "b", List.of()));
        events.send(goneFirst);
        events.send(withStatus(gone, 2, ArticleStatus.UNPUBLISHED));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode results = api.search("q", word);
            assertThat(SearchApi.ids(results)).containsExactly(kept);
            assertThat(results.path("hits").path(0).path("products").path(0).path("price").path("amount").asString())
                    .isEqualTo("42.00");
        });
        String reviewsBefore = physical(SearchIndices.REVIEWS);
        String productsBefore = physical(SearchIndices.PRODUCTS);

        MockHttpServletResponse started = mvc.perform(post("/api/search/reindex").with(admin())).andReturn().getResponse();
        assertThat(started.getStatus()).isEqualTo(202);
        String location = started.getHeader("Location");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(job(location).path("status").asString()).isEqualTo("SUCCEEDED"));

        JsonNode job = job(location);
        String reviewsAfter = physical(SearchIndices.REVIEWS);
        String productsAfter = physical(SearchIndices.PRODUCTS);
        assertThat(reviewsAfter).isNotEqualTo(reviewsBefore).isEqualTo(job.path("indices").path("reviews").asString());
        assertThat(productsAfter).isNotEqualTo(productsBefore).isEqualTo(job.path("indices").path("products").asString());
        assertThat(job.path("copied").path("reviews").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(elasticsearch.indices().exists(e -> e.index(reviewsBefore)).value()).isFalse();

        JsonNode results = api.search("q", word);
        assertThat(SearchApi.ids(results)).containsExactly(kept);
        assertThat(results.path("hits").path(0).path("products").path(0).path("price").path("amount").asString())
                .isEqualTo("42.00");

        RecordMetadata replay = events.send(goneFirst);
        await().atMost(PATIENCE).until(() -> events.consumed(replay));
        assertThat(SearchApi.ids(api.search("q", word))).containsExactly(kept);

        events.send(product(productId, 2, "Reindexed lamp", "gear", "39.00"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.search("q", word).path("hits").path(0).path("products")
                .path(0).path("price").path("amount").asString()).isEqualTo("39.00"));
    }

    @Test
    void whileTheNextVersionIsBuiltEveryWriteIsRepeatedThere() throws Exception {
        String next = "reviews-mirror-" + word();
        indices.createVersion(SearchIndices.REVIEWS, next);
        String id = id();
        indices.mirrorWrites(SearchIndices.REVIEWS, next);
        try {
            RecordMetadata sent = events.send(published(id, 3, Instant.now(), content("Mirrored " + word(), "s", "c",
                    List.of(), "a", "b", List.of())));
            await().atMost(PATIENCE).until(() -> events.consumed(sent));
        }
        finally {
            indices.stopMirroring(SearchIndices.REVIEWS);
        }

        var copy = elasticsearch.get(g -> g.index(next).id(id), JsonNode.class);
        assertThat(copy.found()).isTrue();
        assertThat(copy.version()).isEqualTo(3);
        elasticsearch.indices().delete(d -> d.index(next));
    }

    private String physical(String alias) throws Exception {
        return elasticsearch.indices().getAlias(g -> g.name(alias)).aliases().keySet().iterator().next();
    }

    private JsonNode job(String location) throws Exception {
        return SearchApi.json(mvc.perform(get(location).with(admin())).andReturn().getResponse());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_EDITOR"));
    }
}
