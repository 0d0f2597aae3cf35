package io.roundup.support.lifecycle;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.cloud.stream.binding.BindingService;

/**
 * {@code partitions}: UP once every consumer binding of this copy has joined its group and received its share of the
 * partitions (an empty share when there are more copies than partitions). Part of the readiness group: a copy whose
 * consumers are still joining does not yet do its share of the work.
 */
class ConsumerAssignmentHealthIndicator extends AbstractHealthIndicator {

    private final ConsumerAssignments assignments;

    private final ObjectProvider<BindingService> bindings;

    ConsumerAssignmentHealthIndicator(ConsumerAssignments assignments, ObjectProvider<BindingService> bindings) {
        super("Consumer assignment check failed");
        this.assignments = assignments;
        this.bindings = bindings;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        BindingService service = bindings.getIfAvailable();
        List<String> consumers = service == null ? List.of() : Arrays.asList(service.getConsumerBindingNames());
        List<String> waiting = consumers.stream()
                .filter(name -> !assignments.joined(name))
                .sorted()
                .toList();
        builder.withDetail("assigned", assignments.assigned());
        if (waiting.isEmpty()) {
            builder.up();
        } else {
            builder.outOfService().withDetail("joining", waiting);
        }
    }
}
