package io.roundup.search.indexing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.roundup.events.CloudEventHeaders;
import io.roundup.support.messaging.HeaderValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of indexing, on {@code /actuator/prometheus}:
 *
 * <ul>
 *   <li>{@code roundup_search_publish_to_searchable_seconds} (histogram, tag {@code topic}): from an event's
 *       {@code ce_time}, when its service announced it, to the bulk write that made it searchable;
 *   <li>{@code roundup_search_dead_letters_total} (tag {@code topic}): events given up on and sent to the dead-letter
 *       topic.
 * </ul>
 */
@Component
class IndexingMetrics {

    private final MeterRegistry registry;

    private final Clock clock = Clock.systemUTC();

    IndexingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Every record of a batch that was just written: its time from announcement to searchable. */
    void searchable(String topic, Message<List<byte[]>> batch) {
        Timer timer = Timer.builder("roundup.search.publish.to.searchable")
                .description("From an event's ce_time to the successful bulk write that indexed it")
                .tag("topic", topic)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
        Instant now = clock.instant();
        for (Map<String, Object> headers : IndexingConsumers.headers(batch)) {
            HeaderValues.text(headers, CloudEventHeaders.TIME)
                    .flatMap(IndexingMetrics::instant)
                    .map(announced -> Duration.between(announced, now))
                    .filter(latency -> !latency.isNegative())
                    .ifPresent(timer::record);
        }
    }

    /** One event given up on: it went to the dead-letter topic. */
    void deadLettered(String topic) {
        Counter.builder("roundup.search.dead.letters")
                .description("Events that could never be indexed and went to the dead-letter topic")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }
}
