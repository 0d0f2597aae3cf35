package io.roundup.search.reindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

/** A replayed batch gets six attempts in about half a minute, and the job then fails with the last failure. */
class BatchRetryTests {

    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void theRetriesArePausedOneTwoFourEightAndSixteenSecondsApart() {
        BackOffExecution pauses =
                BatchRetry.policy(BatchRetry.FIRST_PAUSE).getBackOff().start();

        assertThat(LongStream.generate(pauses::nextBackOff).limit(6))
                .containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, BackOffExecution.STOP);
    }

    @Test
    void aBatchThatPassesAtTheSixthAttemptIsApplied() {
        BatchRetry retry = new BatchRetry("job-1", Duration.ofMillis(1));

        String applied = retry.apply(() -> {
            if (attempts.incrementAndGet() < 6) {
                throw new IllegalStateException("Elasticsearch could not write (attempt " + attempts + ")");
            }
            return "applied";
        });

        assertThat(applied).isEqualTo("applied");
        assertThat(attempts).hasValue(6);
    }

    @Test
    void aBatchThatFailsSixTimesFailsWithItsLastFailure() {
        BatchRetry retry = new BatchRetry("job-1", Duration.ofMillis(1));

        assertThatThrownBy(() -> retry.apply(() -> {
                    throw new IllegalStateException("failure " + attempts.incrementAndGet());
                }))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("failure 6");
        assertThat(attempts).hasValue(6);
    }

    @Test
    void anErrorIsNotTriedAgain() {
        BatchRetry retry = new BatchRetry("job-1", Duration.ofMillis(1));

        assertThatThrownBy(() -> retry.apply(() -> {
                    attempts.incrementAndGet();
                    throw new StackOverflowError("deep");
                }))
                .isExactlyInstanceOf(StackOverflowError.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anInterruptedPauseGivesUpAtOnceWithTheFailureAndKeepsTheInterrupt() {
        BatchRetry retry = new BatchRetry("job-1", Duration.ofSeconds(30));
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> retry.apply(() -> {
                    throw new IllegalStateException("failure " + attempts.incrementAndGet());
                }))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("failure 1");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }
}
