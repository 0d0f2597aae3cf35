package io.roundup.search.indices;

import co.elastic.clients.elasticsearch.indices.segments.IndexSegment;
import co.elastic.clients.elasticsearch.indices.segments.Segment;
import co.elastic.clients.elasticsearch.indices.segments.ShardsSegment;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one index's documents lie in its segments, as searches see them: primary shards only, segments a refresh has
 * made searchable, and per shard the live documents of each segment, largest first. A search looks into every segment
 * on its own, so the fewer they are, the less it costs; two looks that find equal layouts mean nothing was written or
 * merged in between.
 *
 * @param index the physical index
 * @param documentsBySegment per shard number, the live documents of each of its searchable segments, largest first
 * @param largestShardBytes the size on disk of the largest primary shard's searchable segments
 */
record SegmentLayout(String index, Map<Integer, List<Long>> documentsBySegment, long largestShardBytes) {

    SegmentLayout {
        TreeMap<Integer, List<Long>> sorted = new TreeMap<>();
        documentsBySegment.forEach((shard, documents) -> sorted.put(
                shard, documents.stream().sorted(Comparator.reverseOrder()).toList()));
        documentsBySegment = Collections.unmodifiableMap(sorted);
    }

    /** The layout the segments API reports for one index. */
    static SegmentLayout of(String index, IndexSegment segments) {
        Map<Integer, List<Long>> documents = new TreeMap<>();
        long largestShardBytes = 0;
        for (Map.Entry<String, List<ShardsSegment>> shard : segments.shards().entrySet()) {
            for (ShardsSegment copy : shard.getValue()) {
                if (!copy.routing().primary()) {
                    continue;
                }
                List<Segment> searchable = copy.segments().values().stream()
                        .filter(Segment::search)
                        .toList();
                documents.put(
                        Integer.valueOf(shard.getKey()),
                        searchable.stream().map(Segment::numDocs).toList());
                long bytes = Math.round(
                        searchable.stream().mapToDouble(Segment::sizeInBytes).sum());
                largestShardBytes = Math.max(largestShardBytes, bytes);
            }
        }
        return new SegmentLayout(index, documents, largestShardBytes);
    }

    /** The live documents of every primary shard. */
    long documents() {
        return documentsBySegment.values().stream()
                .flatMap(List::stream)
                .mapToLong(Long::longValue)
                .sum();
    }

    /** The searchable segments of every primary shard. */
    int segments() {
        return documentsBySegment.values().stream().mapToInt(List::size).sum();
    }

    /** Documents outside their shard's largest segment: what a merge to one segment per shard would move. */
    long scattered() {
        return documentsBySegment.values().stream()
                .mapToLong(documents ->
                        documents.stream().skip(1).mapToLong(Long::longValue).sum())
                .sum();
    }

    /**
     * Whether merging down to one segment per shard pays: enough documents that searches cost something, enough of
     * them outside their shard's largest segment, and shards small enough to stay under the merge policy's limit.
     */
    boolean worthCompacting(CompactionSettings settings) {
        long documents = documents();
        return documents > 0
                && documents >= settings.minDocuments()
                && scattered() >= settings.scatteredShare() * documents
                && largestShardBytes < settings.maxShardSize().toBytes();
    }

    @Override
    public String toString() {
        return index + ": " + documents() + " documents in " + segments() + " segments, " + scattered()
                + " outside their shard's largest";
    }
}
