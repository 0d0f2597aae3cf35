package io.roundup.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.roundup.search.indices.SearchIndices;
import io.roundup.search.indices.Unreachable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes documents in bulk with the entity's revision as external version ({@code external_gte}): the same revision
 * again is harmless, an older one is refused by Elasticsearch itself, so redelivery, replay and reordering cannot go back
 * in time. Writes to the live aliases are repeated, in the same bulk, into the version a reindex is building.
 */
@Component
class ReviewWriter {

    private static final Logger log = LoggerFactory.getLogger(ReviewWriter.class);

    private final ElasticsearchClient client;
    private final SearchIndices indices;
    private final ObservationRegistry observations;

    ReviewWriter(ElasticsearchClient client, SearchIndices indices, ObservationRegistry observations) {
        this.client = client;
        this.indices = indices;
        this.observations = observations;
    }

    /**
     * A document to write at its revision.
     *
     * @param position the event of the batch it comes from, so that a refusal can name it
     */
    record Write(int position, String id, long revision, Object document) {}

    /** What a bulk did, by position: written, left alone because the index holds a newer revision, or refused. */
    record Outcome(Set<Integer> written, Set<Integer> stale, List<Rejected> rejected) {

        /** This outcome and another's, of the other part of the same documents. */
        Outcome and(Outcome other) {
            Set<Integer> allWritten = new HashSet<>(written);
            allWritten.addAll(other.written());
            Set<Integer> allStale = new HashSet<>(stale);
            allStale.addAll(other.stale());
            List<Rejected> allRejected = new ArrayList<>(rejected);
            allRejected.addAll(other.rejected());
            return new Outcome(allWritten, allStale, allRejected);
        }
    }

    /**
     * Writes every document into {@code index} (an alias when {@code live}). A passing failure of any of them
     * (Elasticsearch unreachable, overloaded) throws, so that the whole batch is tried again; documents written
     * meanwhile are written again at the same revision, which changes nothing.
     */
    Outcome write(String index, boolean live, List<Write> writes) {
        Set<Integer> written = new HashSet<>();
        Set<Integer> stale = new HashSet<>();
        List<Rejected> rejected = new ArrayList<>();
        if (writes.isEmpty()) {
            return new Outcome(written, stale, rejected);
        }
        Optional<String> mirror = live ? indices.mirror(index) : Optional.empty();
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        List<Write> operations = new ArrayList<>();
        for (Write write : writes) {
            bulk.operations(op -> op.index(i -> i.index(index)
                    .requireAlias(live)
                    .id(write.id())
                    .version(write.revision())
                    .versionType(VersionType.ExternalGte)
                    .document(write.document())));
            operations.add(write);
            mirror.ifPresent(next -> {
                bulk.operations(op -> op.index(i -> i.index(next)
                        .id(write.id())
                        .version(write.revision())
                        .versionType(VersionType.ExternalGte)
                        .document(write.document())));
                operations.add(null);
            });
        }
        BulkResponse response;
        try {
            response = send(bulk.build());
        } catch (TooLarge ex) {
            if (writes.size() == 1) {
                Write write = writes.getFirst();
                rejected.add(new Rejected(
                        write.position(),
                        new UnindexableEvent("Elasticsearch refused " + index + " " + write.id() + " revision "
                                + write.revision() + ": the document is too large")));
                return new Outcome(written, stale, rejected);
            }
            // Too many bytes for one request (Elasticsearch takes up to 100 MB): each half on its own.
            int half = writes.size() / 2;
            return write(index, live, writes.subList(0, half))
                    .and(write(index, live, writes.subList(half, writes.size())));
        }
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            Write write = operations.get(i);
            if (write == null) {
                mirrored(item);
            } else if (item.error() == null) {
                written.add(write.position());
            } else if (Writes.isVersionConflict(item.status(), item.error())) {
                stale.add(write.position());
            } else if (Writes.isIndexMissing(item.error())) {
                // Deleted under us (an operator, a restore): have it created again, and write this batch again then.
                indices.recheck();
                throw new IllegalStateException(
                        index + " does not exist; it will be created again and the batch retried");
            } else {
                RuntimeException failure = Writes.classify(
                        index + " " + write.id() + " revision " + write.revision(), item.status(), item.error());
                if (!(failure instanceof UnindexableEvent)) {
                    throw failure;
                }
                rejected.add(new Rejected(write.position(), failure));
            }
        }
        return new Outcome(written, stale, rejected);
    }

    /** A copy into the version being built: a conflict means it has newer already; a refusal the reindex's count check will show. */
    private static void mirrored(BulkResponseItem item) {
        if (item.error() == null || Writes.isVersionConflict(item.status(), item.error())) {
            return;
        }
        RuntimeException failure = Writes.classify(item.index() + " " + item.id(), item.status(), item.error());
        if (!(failure instanceof UnindexableEvent)) {
            throw failure;
        }
        log.warn("The index being built refused {}: {}", item.id(), failure.getMessage());
    }

    /** One bulk, observed: a span of its own in the trace of the batch (and a timer, {@code roundup.search.bulk}). */
    private BulkResponse send(BulkRequest request) {
        Observation bulk = Observation.createNotStarted("roundup.search.bulk", observations)
                .contextualName("elasticsearch bulk")
                .highCardinalityKeyValue(
                        "documents", String.valueOf(request.operations().size()))
                .start();
        try (Observation.Scope scope = bulk.openScope()) {
            return sendObserved(request);
        } catch (RuntimeException ex) {
            bulk.error(ex);
            throw ex;
        } finally {
            bulk.stop();
        }
    }

    private BulkResponse sendObserved(BulkRequest request) {
        try {
            return client.bulk(request);
        } catch (ElasticsearchException ex) {
            if (ex.status() == TOO_LARGE) {
                throw new TooLarge();
            }
            // The request as a whole, not one document, failed: nothing to dead-letter, so try again.
            throw new IllegalStateException(
                    "Elasticsearch refused a bulk of " + request.operations().size() + " documents (" + ex.getMessage()
                            + "); will retry",
                    ex);
        } catch (TransportException ex) {
            if (ex.statusCode() == TOO_LARGE) {
                throw new TooLarge();
            }
            throw Unreachable.elasticsearch(ex);
        } catch (IOException ex) {
            throw Unreachable.elasticsearch(ex);
        }
    }

    private static final int TOO_LARGE = 413;

    /** Elasticsearch would not take a request that size. */
    private static final class TooLarge extends RuntimeException {

        TooLarge() {
            super(null, null, false, false);
        }
    }
}
