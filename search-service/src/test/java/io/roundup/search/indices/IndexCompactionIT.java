package io.roundup.search.indices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.indices.segments.IndexSegment;
import io.micrometer.core.instrument.MeterRegistry;
import io.roundup.devservices.spring.Service;
import io.roundup.devservices.spring.WithDevServices;
import io.roundup.support.testing.WithTestTokens;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.util.unit.DataSize;

/**
 * Compaction on a real Elasticsearch, on an index and alias of each test's own (the service's own compaction is off in
 * the tests): an index that bursts of writes left in several segments is merged into one once two looks find it
 * unchanged, with every document still found; writes between the looks put it off; an index already in one segment,
 * or too small to matter, is left alone. The context is the one every integration test of the service shares.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithDevServices({Service.KAFKA, Service.ELASTICSEARCH})
@WithTestTokens
class IndexCompactionIT {

    private static final CompactionSettings SETTINGS =
            new CompactionSettings(true, Duration.ofSeconds(30), 1_000, 0.2, DataSize.ofGigabytes(5));

    @Autowired
    ElasticsearchClient client;

    @Autowired
    MeterRegistry registry;

    private String alias;
    private String index;
    private IndexCompaction compaction;
    private int written;

    @BeforeEach
    void ownIndex() throws IOException {
        alias = "test-compaction-" + UUID.randomUUID().toString().substring(0, 8);
        index = alias + "-v1";
        // refreshed only when the test says, so that each burst of writes makes one segment
        client.indices()
                .create(c -> c.index(index)
                        .settings(
                                s -> s.numberOfShards("1").numberOfReplicas("0").refreshInterval(r -> r.time("-1")))
                        .aliases(alias, a -> a.isWriteIndex(true)));
        compaction = new IndexCompaction(client, alias, SETTINGS, registry);
    }

    @AfterEach
    void dropIndex() throws IOException {
        client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    }

    @Test
    void anIndexLeftInSeveralSegmentsByBurstsOfWritesIsMergedIntoOneOnceTheWritesHavePaused() throws IOException {
        for (int burst = 0; burst < 5; burst++) {
            writeBurst(300);
        }
        assertThat(searchableSegments()).isEqualTo(5);

        assertThat(compaction.look()).as("the first look only remembers").isFalse();
        assertThat(compaction.look()).as("the second finds the same segments").isTrue();

        await("one segment")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    client.indices().refresh(r -> r.index(index));
                    return searchableSegments() == 1;
                });
        assertThat(client.count(c -> c.index(alias)).count()).isEqualTo(1_500);
        assertThat(compactions()).isEqualTo(1);
        assertThat(compaction.look()).as("nothing left to compact").isFalse();
        assertThat(compaction.look()).isFalse();
        assertThat(compactions()).isEqualTo(1);
    }

    @Test
    void aWriteBetweenTwoLooksPutsTheCompactionOffUntilTheNextLookFindsNothingChanged() throws IOException {
        for (int burst = 0; burst < 4; burst++) {
            writeBurst(300);
        }

        assertThat(compaction.look()).isFalse();
        writeBurst(1);
        assertThat(compaction.look()).as("a write came in between").isFalse();
        assertThat(compactions()).isZero();
        assertThat(compaction.look()).as("nothing written since the last look").isTrue();
        assertThat(compactions()).isEqualTo(1);
    }

    @Test
    void anIndexInOneSegmentOrTooSmallToMatterOrAMissingAliasIsLeftAlone() throws IOException {
        writeBurst(1_200);
        assertThat(compaction.look()).isFalse();
        assertThat(compaction.look()).as("one segment already").isFalse();

        IndexCompaction demanding = new IndexCompaction(
                client,
                alias,
                new CompactionSettings(true, Duration.ofSeconds(30), 5_000, 0.2, DataSize.ofGigabytes(5)),
                registry);
        writeBurst(1_000);
        assertThat(searchableSegments()).isEqualTo(2);
        assertThat(demanding.look()).isFalse();
        assertThat(demanding.look())
                .as("2,200 documents, fewer than the 5,000 asked for")
                .isFalse();

        IndexCompaction elsewhere = new IndexCompaction(client, alias + "-missing", SETTINGS, registry);
        assertThat(elsewhere.look()).isFalse();
        assertThat(elsewhere.look()).isFalse();
        assertThat(compactions()).isZero();
    }

    /** Writes {@code documents} documents and refreshes: one more searchable segment. */
    private void writeBurst(int documents) throws IOException {
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(alias);
        for (int i = 0; i < documents; i++) {
            String id = "doc-" + written++;
            bulk.operations(o -> o.index(d -> d.id(id).document(Map.of("title", "Roundup " + id))));
        }
        assertThat(client.bulk(bulk.build()).errors()).isFalse();
        client.indices().refresh(r -> r.index(index));
    }

    private int searchableSegments() throws IOException {
        IndexSegment segments =
                client.indices().segments(s -> s.index(index)).indices().get(index);
        return SegmentLayout.of(index, segments).segments();
    }

    private double compactions() {
        return registry.get("roundup.search.compactions")
                .tag("alias", alias)
                .counter()
                .count();
    }
}
