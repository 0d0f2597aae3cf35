package io.roundup.search.reindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.IndexResponse;
import io.roundup.search.indices.Unreachable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The reindex jobs of every copy of the service, kept in Elasticsearch (the one store the copies share), in a small
 * index of their own, {@value #INDEX}:
 * <ul>
 * <li>{@code lease}: which copy runs which job. Taken by creating it (or, once expired, by overwriting it on the
 * sequence number it was read at), renewed by its holder every {@code lease-renew-every}, deleted when the job ends:
 * every change is a conditional write, so two copies can never both believe they hold it.</li>
 * <li>{@code queued}: the job waiting behind the running one; created by the first request that finds a job running
 * and joined by later ones, on any copy.</li>
 * <li>{@code job:<id>}: each job's latest snapshot, so that {@code GET /api/search/reindex/{id}} answers the same on
 * every copy.</li>
 * </ul>
 * A lease expires when its document has not changed for {@code lease-ttl} as this copy observes it, on its own clock:
 * copies whose clocks disagree still agree on expiry. The copy that takes over an expired lease marks the job its
 * holder was running as failed.
 */
@Component
class SharedReindexJobs implements ReindexJobs {

    static final String INDEX = "search-reindex-jobs";

    private static final Logger log = LoggerFactory.getLogger(SharedReindexJobs.class);
    private static final String LEASE = "lease";
    private static final String QUEUED = "queued";
    private static final String JOB = "job:";
    static final String ABANDONED = "The copy of search-service running this reindex stopped renewing its lease "
            + "before the job ended (it died or hung); ask for another reindex.";

    private final ElasticsearchClient client;
    private final String index;
    private final String holder;
    private final Duration ttl;
    private volatile boolean indexReady;

    /** The lease as this instance holds it; null when it holds none (guarded by this). */
    private Held held;

    /** Another holder's lease as this instance last read it, and since when it has not changed (guarded by this). */
    private Seen seen;

    @Autowired
    SharedReindexJobs(ElasticsearchClient client, ReindexSettings settings) {
        this(client, INDEX, holderName(), settings.leaseTtl());
    }

    SharedReindexJobs(ElasticsearchClient client, String index, String holder, Duration ttl) {
        this.client = client;
        this.index = index;
        this.holder = holder;
        this.ttl = ttl;
    }

    /** The host (a pod's name on Kubernetes), the process and this instance, so that logs tell the copies apart. */
    private static String holderName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "search-service");
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    String holder() {
        return holder;
    }

    @Override
    public synchronized ReindexJob request() {
        if (held == null) {
            Optional<ReindexJob> started = startIfFree(true);
            if (started.isPresent()) {
                return started.get();
            }
        }
        return joinQueue();
    }

    @Override
    public synchronized Optional<ReindexJob> requestIfIdle() {
        if (held != null || read(QUEUED, Queued.class).value() != null) {
            return Optional.empty();
        }
        return startIfFree(true);
    }

    @Override
    public synchronized Optional<ReindexJob> ended(ReindexJob job) {
        if (held == null || !held.job().equals(job.id())) {
            return Optional.empty();
        }
        try {
            Stored<Queued> queued = read(QUEUED, Queued.class);
            if (queued.value() == null) {
                delete(LEASE, held.version());
                held = null;
                return Optional.empty();
            }
            String next = queued.value().job();
            Optional<Version> renewed = write(LEASE, new Lease(holder, next, Instant.now()), held.version());
            if (renewed.isEmpty()) {
                log.warn("Reindex {} ended after its lease was taken over; {} is left to that copy", job.id(), next);
                held = null;
                return Optional.empty();
            }
            held = new Held(next, renewed.get());
            return Optional.of(begin(next, queued));
        } catch (RuntimeException ex) {
            // Stop renewing: the lease expires and a copy that can reach Elasticsearch takes the queued job over.
            log.warn("Could not hand on the reindex lease after {}: {}", job.id(), ex.toString());
            held = null;
            return Optional.empty();
        }
    }

    @Override
    public synchronized void release(ReindexJob job) {
        if (held == null || !held.job().equals(job.id())) {
            return;
        }
        try {
            delete(LEASE, held.version());
        } catch (RuntimeException ex) {
            log.warn("Could not release the reindex lease of {} (it expires by itself): {}", job.id(), ex.toString());
        }
        held = null;
    }

    @Override
    public synchronized Optional<ReindexJob> tick() {
        try {
            if (held != null) {
                renew();
                return Optional.empty();
            }
            return startIfFree(false);
        } catch (RuntimeException ex) {
            log.warn("Reindex lease: {}; tried again at the next renewal", ex.toString());
            return Optional.empty();
        }
    }

    @Override
    public void update(ReindexJob job) {
        synchronized (this) {
            if (job.isRunning() && (held == null || !held.job().equals(job.id()))) {
                throw new LeaseLost(job.id());
            }
        }
        store(job);
    }

    @Override
    public Optional<ReindexJob> find(String id) {
        return Optional.ofNullable(read(JOB + id, ReindexJob.class).value());
    }

    /**
     * Takes the lease when no copy holds it or its holder's has expired: for the queued job, or else for a new one
     * when {@code newJob}. Returns the job this instance is to run now.
     */
    private Optional<ReindexJob> startIfFree(boolean newJob) {
        Stored<Lease> lease = read(LEASE, Lease.class);
        if (lease.value() != null && !expired(lease)) {
            return Optional.empty();
        }
        Stored<Queued> queued = read(QUEUED, Queued.class);
        if (queued.value() == null && !newJob) {
            if (lease.value() != null && delete(LEASE, lease.version())) {
                abandoned(lease.value());
            }
            return Optional.empty();
        }
        String id = queued.value() != null
                ? queued.value().job()
                : UUID.randomUUID().toString();
        Optional<Version> taken = write(LEASE, new Lease(holder, id, Instant.now()), lease.version());
        if (taken.isEmpty()) {
            return Optional.empty(); // another copy took it first
        }
        held = new Held(id, taken.get());
        if (lease.value() != null) {
            abandoned(lease.value());
        }
        return Optional.of(begin(id, queued));
    }

    /** The job this instance now holds the lease for starts: no longer queued, if it was. */
    private ReindexJob begin(String id, Stored<Queued> queued) {
        if (queued.value() != null && queued.value().job().equals(id)) {
            delete(QUEUED, queued.version());
        }
        ReindexJob job = ReindexJob.running(id);
        store(job);
        log.info("Reindex {} runs on this copy ({})", id, holder);
        return job;
    }

    /** The job queued behind the running one: the one waiting, or a new one if none waits. */
    private ReindexJob joinQueue() {
        for (int attempt = 1; ; attempt++) {
            Stored<Queued> queued = read(QUEUED, Queued.class);
            if (queued.value() != null) {
                String id = queued.value().job();
                return find(id).orElseGet(() -> ReindexJob.queued(id));
            }
            ReindexJob job = ReindexJob.queued(UUID.randomUUID().toString());
            if (write(QUEUED, new Queued(job.id()), null).isPresent()) {
                // only if absent: the copy that took the job over meanwhile has written it as running
                write(JOB + job.id(), job, null);
                return job;
            }
            if (attempt == 3) {
                throw new IllegalStateException("The reindex queue changed under three requests in a row");
            }
        }
    }

    private void renew() {
        Optional<Version> renewed = write(LEASE, new Lease(holder, held.job(), Instant.now()), held.version());
        if (renewed.isPresent()) {
            held = new Held(held.job(), renewed.get());
        } else {
            log.error("Reindex {} lost its lease: another copy took it over", held.job());
            held = null;
        }
    }

    /**
     * Whether another holder's lease has gone unrenewed for the TTL, as seen from here: the clock starts when this
     * instance first reads that version of it.
     */
    private boolean expired(Stored<Lease> lease) {
        long now = System.nanoTime();
        if (seen == null || !seen.version().equals(lease.version())) {
            seen = new Seen(lease.version(), now);
            return false;
        }
        return now - seen.since() >= ttl.toNanos();
    }

    /** The job of an expired lease did not end: it reads as failed, not as running for ever. */
    private void abandoned(Lease lease) {
        log.warn("Reindex {} on {} stopped renewing its lease; marked as failed", lease.job(), lease.holder());
        find(lease.job()).filter(ReindexJob::isRunning).ifPresent(job -> store(job.failed(ABANDONED)));
    }

    private void store(ReindexJob job) {
        try {
            ensureIndex();
            client.index(i -> i.index(index).id(JOB + job.id()).document(job));
        } catch (IOException ex) {
            throw Unreachable.elasticsearch(ex);
        }
    }

    private <T> Stored<T> read(String id, Class<T> type) {
        try {
            GetResponse<T> response = client.get(g -> g.index(index).id(id), type);
            if (!response.found() || response.source() == null) {
                return new Stored<>(null, null);
            }
            return new Stored<>(response.source(), new Version(response.seqNo(), response.primaryTerm()));
        } catch (ElasticsearchException ex) {
            if ("index_not_found_exception".equals(ex.error().type())) {
                return new Stored<>(null, null);
            }
            throw ex;
        } catch (IOException ex) {
            throw Unreachable.elasticsearch(ex);
        }
    }

    /**
     * Writes {@code document} only if it is still at {@code expected} (absent when null); empty when another write
     * came first.
     */
    private Optional<Version> write(String id, Object document, Version expected) {
        try {
            ensureIndex();
            IndexResponse response = client.index(i -> {
                i.index(index).id(id).document(document);
                if (expected == null) {
                    i.opType(OpType.Create);
                } else {
                    i.ifSeqNo(expected.seqNo()).ifPrimaryTerm(expected.primaryTerm());
                }
                return i;
            });
            return Optional.of(new Version(response.seqNo(), response.primaryTerm()));
        } catch (ElasticsearchException ex) {
            if (ex.status() == 409) {
                return Optional.empty();
            }
            throw ex;
        } catch (IOException ex) {
            throw Unreachable.elasticsearch(ex);
        }
    }

    /** Deletes {@code id} only if it is still at {@code expected}; false when it changed or was gone. */
    private boolean delete(String id, Version expected) {
        try {
            return client.delete(d -> d.index(index)
                                    .id(id)
                                    .ifSeqNo(expected.seqNo())
                                    .ifPrimaryTerm(expected.primaryTerm()))
                            .result()
                    == Result.Deleted;
        } catch (ElasticsearchException ex) {
            if (ex.status() == 409 || ex.status() == 404) {
                return false;
            }
            throw ex;
        } catch (IOException ex) {
            throw Unreachable.elasticsearch(ex);
        }
    }

    private void ensureIndex() throws IOException {
        if (indexReady) {
            return;
        }
        try {
            client.indices()
                    .create(c -> c.index(index)
                            .settings(s -> s.numberOfShards("1").autoExpandReplicas("0-1"))
                            // looked up by id only: nothing in the documents needs indexing
                            .mappings(m -> m.dynamic(DynamicMapping.False)));
        } catch (ElasticsearchException ex) {
            if (!"resource_already_exists_exception".equals(ex.error().type())) {
                throw ex;
            }
        }
        indexReady = true;
    }

    /** Who runs which job, as of when. */
    record Lease(String holder, String job, Instant renewedAt) {}

    /** The job waiting behind the running one. */
    record Queued(String job) {}

    private record Version(long seqNo, long primaryTerm) {}

    /** A document as read; {@code value} null when there is none. */
    private record Stored<T>(T value, Version version) {}

    private record Held(String job, Version version) {}

    private record Seen(Version version, long since) {}
}
