package io.roundup.search.indices;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The indices: each alias ({@value #REVIEWS}, {@value #PRODUCTS}) points at one physical, numbered version
 * ({@code reviews-v1}, {@code reviews-v2}…) created from {@code elasticsearch/<alias>.json}, so that a reindex can
 * build the next version and move the alias in one step. Creation is idempotent: start-up tries first, and every write
 * asks again, so a service that started while Elasticsearch was away creates them as soon as it is back. Writes use
 * {@code require_alias}, so nothing can ever auto-create an index with guessed mappings in their place.
 */
@Component
public class SearchIndices implements ApplicationRunner {

    /** The alias of the review index: every published article, plus tombstones of the others. */
    public static final String REVIEWS = "reviews";
    /** The alias of the product index, which enriches the reviews. */
    public static final String PRODUCTS = "products";
    /** Every alias, in the order a reindex rebuilds them (products first: reviews are enriched from them). */
    public static final List<String> ALIASES = List.of(PRODUCTS, REVIEWS);

    private static final Logger log = LoggerFactory.getLogger(SearchIndices.class);
    private static final Pattern VERSIONED = Pattern.compile("(.+)-v(\\d+)");

    private final ElasticsearchClient client;
    private final IndexDefinitions definitions;
    private final Map<String, String> mirrors = new ConcurrentHashMap<>();
    private volatile boolean ready;

    SearchIndices(ElasticsearchClient client, IndexDefinitions definitions) {
        this.client = client;
        this.definitions = definitions;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            ensureCreated();
        } catch (RuntimeException ex) {
            log.warn(
                    "Could not prepare the search indices yet ({}); the first event to index tries again",
                    ex.toString());
        }
    }

    /** Creates whatever index or alias is missing; cheap once done. */
    public void ensureCreated() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (!ready) {
                for (String alias : ALIASES) {
                    ensureAlias(alias);
                }
                ready = true;
            }
        }
    }

    private void ensureAlias(String alias) {
        try {
            if (client.indices().existsAlias(a -> a.name(alias)).value()) {
                return;
            }
            String first = version(alias, 1);
            try {
                createVersion(alias, first);
                client.indices().putAlias(p -> p.index(first).name(alias).isWriteIndex(true));
                log.info("Created index {} behind alias {}", first, alias);
            } catch (ElasticsearchException ex) {
                if (!"resource_already_exists_exception".equals(ex.error().type())) {
                    throw ex;
                }
                // Another copy of the service created it meanwhile, or the alias was lost: make sure it points there.
                client.indices().putAlias(p -> p.index(first).name(alias).isWriteIndex(true));
            }
        } catch (IOException ex) {
            throw Unreachable.elasticsearch(ex);
        }
    }

    /** An index or alias turned out to be missing after all: the next write checks and creates again. */
    public void recheck() {
        ready = false;
    }

    /** The physical index name of version {@code n} of an alias. */
    public static String version(String alias, int n) {
        return alias + "-v" + n;
    }

    /** The version number of a physical index, the other way round from {@link #version}; 0 for another name. */
    public static int versionOf(String index) {
        Matcher matcher = VERSIONED.matcher(index);
        return matcher.matches() ? Integer.parseInt(matcher.group(2)) : 0;
    }

    /**
     * Creates a physical index with the alias's current settings and mappings, behind no alias yet. The review index
     * gets the synonym rules in force now: they are part of its search analyzer, so new rules need a new version. The
     * index records a fingerprint of all that in its mapping's {@code _meta}, so that {@link #isCurrent} can tell an
     * index created from an older definition.
     */
    public void createVersion(String alias, String index) throws IOException {
        String body = definitions.body(alias);
        client.indices().create(c -> c.withJson(new StringReader(body)).index(index));
    }

    /** Whether the index behind {@code alias} was created from the definition and synonym rules in force now. */
    public boolean isCurrent(String alias) throws IOException {
        var mappings = client.indices().getMapping(m -> m.index(alias)).mappings();
        String recorded = mappings.values().stream()
                .map(m ->
                        m.mappings().meta() == null ? null : m.mappings().meta().get(IndexDefinitions.FINGERPRINT))
                .map(value -> value == null ? null : value.to(String.class))
                .findFirst()
                .orElse(null);
        return definitions.fingerprint(alias).equals(recorded);
    }

    /** From now on, every write to {@code alias} is repeated into {@code index} (at the same version). */
    public void mirrorWrites(String alias, String index) {
        mirrors.put(alias, index);
    }

    public void stopMirroring(String alias) {
        mirrors.remove(alias);
    }

    /** The index every write to {@code alias} is repeated into, if a reindex is building one. */
    public Optional<String> mirror(String alias) {
        return Optional.ofNullable(mirrors.get(alias));
    }
}
