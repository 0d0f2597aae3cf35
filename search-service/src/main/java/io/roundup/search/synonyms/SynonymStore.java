package io.roundup.search.synonyms;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.roundup.search.indices.SynonymSource;
import io.roundup.search.indices.Unreachable;
import io.roundup.support.revision.ExpectedRevision;
import io.roundup.support.revision.StaleRevision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Keeps the synonym rules as one document in the {@value #INDEX} index, next to the indices they shape. Until an
 * editor saves rules, the defaults in {@code elasticsearch/synonyms.txt} apply (revision 0). A change is a conditional
 * write on the document's sequence number, so two admins saving at once cannot silently drop one change.
 */
@Component
class SynonymStore implements SynonymSource {

    static final String INDEX = "search-synonyms";
    private static final String DOCUMENT = "rules";

    private final ElasticsearchClient client;
    private final List<String> defaults;

    SynonymStore(ElasticsearchClient client) {
        this.client = client;
        this.defaults = readDefaults();
    }

    /** The rules in force: the saved ones, or the shipped defaults. */
    SynonymRules current() {
        return read().rules();
    }

    @Override
    public List<String> rulesInForce() {
        return current().rules();
    }

    /** Saves new rules if the current revision is one the caller expects; the caller then reindexes. */
    SynonymRules replace(List<String> rules, ExpectedRevision expected, String by) {
        Stored stored = read();
        if (!expected.matches(stored.rules().revision())) {
            throw new StaleSynonyms(stored.rules().revision());
        }
        SynonymRules next = new SynonymRules(rules, stored.rules().revision() + 1, Instant.now(), by);
        try {
            if (!stored.exists()) {
                createIndex();
            }
            client.index(i -> {
                i.index(INDEX).id(DOCUMENT).document(next).refresh(Refresh.True);
                if (stored.exists()) {
                    i.ifSeqNo(stored.seqNo()).ifPrimaryTerm(stored.primaryTerm());
                } else {
                    i.opType(OpType.Create);
                }
                return i;
            });
            return next;
        } catch (ElasticsearchException ex) {
            if (ex.status() == 409) {
                throw new StaleSynonyms(read().rules().revision());
            }
            throw ex;
        } catch (IOException ex) {
            throw Unreachable.elasticsearch(ex);
        }
    }

    private void createIndex() throws IOException {
        try {
            client.indices()
                    .create(c -> c.index(INDEX)
                            .settings(st -> st.numberOfShards("1").autoExpandReplicas("0-1"))
                            .mappings(m -> m.dynamic(DynamicMapping.Strict)
                                    .properties(
                                            "rules",
                                            p -> p.keyword(k -> k.index(false).docValues(false)))
                                    .properties("revision", p -> p.long_(l -> l))
                                    .properties("updatedAt", p -> p.date(d -> d))
                                    .properties("updatedBy", p -> p.keyword(k -> k))));
        } catch (ElasticsearchException ex) {
            if (!"resource_already_exists_exception".equals(ex.error().type())) {
                throw ex;
            }
        }
    }

    private Stored read() {
        try {
            GetResponse<SynonymRules> response = client.get(g -> g.index(INDEX).id(DOCUMENT), SynonymRules.class);
            if (response.found() && response.source() != null) {
                return new Stored(response.source(), true, response.seqNo(), response.primaryTerm());
            }
            return new Stored(new SynonymRules(defaults, 0, null, null), false, null, null);
        } catch (ElasticsearchException ex) {
            if ("index_not_found_exception".equals(ex.error().type())) {
                return new Stored(new SynonymRules(defaults, 0, null, null), false, null, null);
            }
            throw ex;
        } catch (IOException ex) {
            throw Unreachable.elasticsearch(ex);
        }
    }

    /** One rule per line; blank lines and {@code #} comments are skipped. */
    private static List<String> readDefaults() {
        ClassPathResource file = new ClassPathResource("elasticsearch/synonyms.txt");
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the default synonyms", ex);
        }
    }

    private record Stored(SynonymRules rules, boolean exists, Long seqNo, Long primaryTerm) {}

    /** The rules changed since the caller read them. */
    static final class StaleSynonyms extends StaleRevision {

        StaleSynonyms(long current) {
            super(
                    "The synonym rules have changed since you read them (they are now at revision " + current
                            + "); read them again and reapply your change.",
                    current);
        }
    }
}
