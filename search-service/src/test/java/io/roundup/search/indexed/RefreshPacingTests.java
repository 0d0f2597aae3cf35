package io.roundup.search.indexed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshPacingTests {

    private final RefreshPacing pacing =
            new RefreshPacing(Duration.ofMillis(50), Duration.ofMillis(500), 200, Duration.ofSeconds(1));

    @Test
    void aSparseWriteIsRefreshedAtOnceWhenTheLastRefreshIsLongPast() {
        pacing.written(1, 10_000);

        assertThat(pacing.dense(10_000)).isFalse();
        assertThat(pacing.delay(10_000, 9_000)).isZero();
    }

    @Test
    void sparseWritesShareARefreshAtMostOncePerSpacing() {
        pacing.written(3, 10_000);

        assertThat(pacing.delay(10_020, 10_000)).isEqualTo(Duration.ofMillis(30));
    }

    @Test
    void editorialRatesStaySparse() {
        // ten publishes a second, each in a bulk of its own, for several seconds
        for (long t = 10_000; t < 15_000; t += 100) {
            pacing.written(1, t);
        }

        assertThat(pacing.dense(15_000)).isFalse();
        assertThat(pacing.delay(15_000, 14_990)).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void aLargeBatchMakesWritesDenseAndTheRefreshWaitsForTheIndexsOwnPace() {
        pacing.written(500, 10_000);

        assertThat(pacing.dense(10_000)).isTrue();
        assertThat(pacing.delay(10_100, 10_000)).isEqualTo(Duration.ofMillis(400));
        assertThat(pacing.delay(10_600, 10_000)).isZero();
    }

    @Test
    void manySmallBatchesWithinTheWindowAddUpToDense() {
        for (long t = 10_000; t < 10_500; t += 10) {
            pacing.written(5, t); // 250 documents in half a second
        }

        assertThat(pacing.dense(10_500)).isTrue();
    }

    @Test
    void writesTurnSparseAgainOnceTheBurstLeavesTheWindow() {
        pacing.written(500, 10_000);
        pacing.written(1, 11_200);

        assertThat(pacing.dense(11_200)).isFalse();
        assertThat(pacing.delay(11_200, 11_000)).isZero();
    }
}
