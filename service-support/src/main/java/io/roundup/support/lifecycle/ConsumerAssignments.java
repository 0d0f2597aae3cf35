package io.roundup.support.lifecycle;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;

/**
 * Which partitions each consumer binding of this copy holds, as the group's rebalances hand them out. A binding that
 * appears here has joined its group: its assignment may be empty (more copies than partitions) and still counts.
 *
 * <p>The Kafka binder takes exactly one {@link KafkaBindingRebalanceListener} bean; this is the one. Code that needs to
 * know about rebalances reads {@link #assigned()} rather than declaring a second listener, which would silently leave
 * the binder with none.
 */
public class ConsumerAssignments implements KafkaBindingRebalanceListener {

    private final Map<String, Set<TopicPartition>> assigned = new ConcurrentHashMap<>();

    @Override
    public void onPartitionsAssigned(
            String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions, boolean initial) {
        assigned.compute(bindingName, (name, held) -> {
            Set<TopicPartition> now = held == null ? ConcurrentHashMap.newKeySet() : held;
            now.addAll(partitions);
            return now;
        });
    }

    @Override
    public void onPartitionsRevokedAfterCommit(
            String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.computeIfPresent(bindingName, (name, held) -> {
            held.removeAll(partitions);
            return held;
        });
    }

    /** Whether the binding has joined its group (received an assignment, possibly empty) since this copy started. */
    public boolean joined(String bindingName) {
        return assigned.containsKey(bindingName);
    }

    /** Each joined binding's partitions as {@code topic-partition}, sorted. */
    public Map<String, Set<String>> assigned() {
        Map<String, Set<String>> view = new TreeMap<>();
        assigned.forEach((binding, partitions) -> {
            Set<String> names = new TreeSet<>();
            partitions.forEach(partition -> names.add(partition.toString()));
            view.put(binding, names);
        });
        return view;
    }
}
