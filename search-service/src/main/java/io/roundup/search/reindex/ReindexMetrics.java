package io.roundup.search.reindex;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.roundup.search.reindex.ReindexJob.Status;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Reindex progress on {@code /actuator/prometheus}, for the job this copy runs or ran last: events replayed, events it
 * has to read, their ratio and the job's state. A job runs on one copy at a time; the others show {@code idle} (or the
 * job they ran before), so the copy whose {@code running} series is 1 is the one doing the work.
 */
@Component
class ReindexMetrics {

    /** The job's state as the gauges show it: idle until this copy runs a job. */
    enum State {
        IDLE,
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong toRead = new AtomicLong();
    private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);

    ReindexMetrics(MeterRegistry registry) {
        Gauge.builder("roundup.search.reindex.events.replayed", replayed, AtomicLong::get)
                .description("Events the reindex this copy runs (or ran last) has replayed so far")
                .register(registry);
        Gauge.builder("roundup.search.reindex.events.to.read", toRead, AtomicLong::get)
                .description("Events that reindex has to read: offsets from where each read starts to the topic's end")
                .register(registry);
        Gauge.builder("roundup.search.reindex.progress", this, ReindexMetrics::progress)
                .description("Replayed over to read, 0 to 1")
                .register(registry);
        for (State each : State.values()) {
            Gauge.builder("roundup.search.reindex.state", state, s -> s.get() == each ? 1 : 0)
                    .description("1 for the state of the reindex this copy runs or ran last")
                    .tag("state", each.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    /** This copy starts a job: the counts start again from 0. */
    void started() {
        replayed.set(0);
        toRead.set(0);
        state.set(State.RUNNING);
    }

    /** A read of a topic is about to hand over up to {@code events} more events. */
    void toRead(long events) {
        toRead.addAndGet(events);
    }

    void replayed(long events) {
        replayed.addAndGet(events);
    }

    /**
     * The job ended. After a success everything there was has been read: compacted topics leave gaps in their offsets,
     * so what remained to read becomes what was replayed and the progress shows 1.
     */
    void finished(Status status) {
        if (status == Status.SUCCEEDED) {
            toRead.set(replayed.get());
            state.set(State.SUCCEEDED);
        } else {
            state.set(State.FAILED);
        }
    }

    private double progress() {
        long total = toRead.get();
        return total == 0 ? 0 : Math.min(1, (double) replayed.get() / total);
    }
}
