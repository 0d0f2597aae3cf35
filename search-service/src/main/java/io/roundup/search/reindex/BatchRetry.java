package io.roundup.search.reindex;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

/**
 * How a reindex applies a replayed batch: again after a passing failure (Elasticsearch overloaded or restarting), up
 * to {@value #RETRIES} more times with pauses doubling from a second (1, 2, 4, 8, 16 s: about half a minute) before
 * the job gives up with the last failure. An interrupted pause gives up at once, the interrupt kept. Applying a batch
 * twice is harmless: every write is at its revision.
 */
final class BatchRetry {

    static final long RETRIES = 5;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final double MULTIPLIER = 2;

    private static final Logger log = LoggerFactory.getLogger(BatchRetry.class);

    private final RetryTemplate template;

    BatchRetry(String jobId) {
        this(jobId, FIRST_PAUSE);
    }

    BatchRetry(String jobId, Duration firstPause) {
        template = new RetryTemplate(policy(firstPause));
        template.setRetryListener(new Warning(jobId, firstPause));
    }

    /** Every runtime failure may be passing; an {@link Error} is not tried again. */
    static RetryPolicy policy(Duration firstPause) {
        return RetryPolicy.builder()
                .maxRetries(RETRIES)
                .delay(firstPause)
                .multiplier(MULTIPLIER)
                .predicate(RuntimeException.class::isInstance)
                .build();
    }

    /** The batch's outcome, or its last failure once the retries are spent. */
    <T> T apply(Supplier<T> batch) {
        return template.invoke(batch);
    }

    /** A warning for each failure that is tried again, naming the job, the attempt and the pause before the next. */
    private record Warning(String jobId, Duration firstPause) implements RetryListener {

        @Override
        public void onRetryableExecution(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
            if (state.isSuccessful()
                    || state.getRetryCount() >= RETRIES
                    || !policy.shouldRetry(state.getLastException())) {
                return;
            }
            Duration pause = firstPause.multipliedBy((long) Math.pow(MULTIPLIER, state.getRetryCount()));
            log.warn(
                    "Reindex {}: a batch failed (attempt {}): {}; retrying in {}",
                    jobId,
                    state.getRetryCount() + 1,
                    state.getLastException().toString(),
                    pause);
        }
    }
}
