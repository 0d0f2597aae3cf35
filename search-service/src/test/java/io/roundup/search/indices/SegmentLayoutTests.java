package io.roundup.search.indices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class SegmentLayoutTests {

    private static final CompactionSettings SETTINGS =
            new CompactionSettings(true, Duration.ofSeconds(30), 1_000, 0.2, DataSize.ofGigabytes(5));

    @Test
    void anIndexLeftInManySegmentsByALoadIsWorthCompacting() {
        SegmentLayout layout = layout(Map.of(0, List.of(400L, 38_000L, 21_000L, 6_000L, 900L)), 300_000_000);

        assertThat(layout.documents()).isEqualTo(66_300);
        assertThat(layout.segments()).isEqualTo(5);
        assertThat(layout.scattered()).as("all but the largest segment").isEqualTo(28_300);
        assertThat(layout.worthCompacting(SETTINGS)).isTrue();
    }

    @Test
    void aFewWritesAfterACompactionDoNotRewriteTheWholeIndexAgain() {
        // 100k in one segment, then a day's publishes in small segments: 1 % outside the large one
        SegmentLayout layout = layout(Map.of(0, List.of(100_000L, 600L, 400L)), 1_600_000_000);

        assertThat(layout.worthCompacting(SETTINGS)).isFalse();
    }

    @Test
    void oneSegmentIsAlreadyCompact() {
        assertThat(layout(Map.of(0, List.of(50_000L)), 200_000_000).worthCompacting(SETTINGS))
                .isFalse();
    }

    @Test
    void aSmallIndexIsCheapToSearchAnywayAndIsLeftAlone() {
        SegmentLayout demo = layout(Map.of(0, List.of(2L, 2L, 1L, 1L)), 90_000);

        assertThat(demo.scattered()).isEqualTo(4);
        assertThat(demo.worthCompacting(SETTINGS)).isFalse();
        assertThat(layout(Map.of(), 0).worthCompacting(SETTINGS))
                .as("no shard at all")
                .isFalse();
    }

    @Test
    void aShardNearTheMergePolicysLargestSegmentIsLeftAlone() {
        SegmentLayout large = layout(
                Map.of(0, List.of(2_000_000L, 1_500_000L)),
                DataSize.ofGigabytes(6).toBytes());

        assertThat(large.worthCompacting(SETTINGS)).isFalse();
    }

    @Test
    void eachShardCountsItsOwnLargestSegmentAndTheOrderOfSegmentsDoesNotMatter() {
        SegmentLayout twoShards = layout(Map.of(0, List.of(100L, 5_000L), 1, List.of(4_000L, 4_000L)), 1_000);

        assertThat(twoShards.scattered()).isEqualTo(100 + 4_000);
        assertThat(twoShards)
                .as("equal when the segments are")
                .isEqualTo(layout(Map.of(1, List.of(4_000L, 4_000L), 0, List.of(5_000L, 100L)), 1_000));
        assertThat(twoShards)
                .as("a write moved a document")
                .isNotEqualTo(layout(Map.of(0, List.of(101L, 5_000L), 1, List.of(4_000L, 4_000L)), 1_000));
    }

    private static SegmentLayout layout(Map<Integer, List<Long>> documents, long largestShardBytes) {
        return new SegmentLayout("reviews-v1", documents, largestShardBytes);
    }
}
