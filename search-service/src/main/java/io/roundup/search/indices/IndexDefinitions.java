package io.roundup.search.indices;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an index version is created from: {@code elasticsearch/<alias>.json}, the review index with the synonym rules
 * in force filled into its {@value #SYNONYM_FILTER} filter; and a fingerprint of all that, to tell an index created
 * from another definition.
 */
@Component
class IndexDefinitions {

    /** The review index's synonym filter, whose rules are filled in here. */
    static final String SYNONYM_FILTER = "editor_synonyms";
    /** The key in an index's mapping {@code _meta} under which the fingerprint of its definition is kept. */
    static final String FINGERPRINT = "definition";

    private final SynonymSource synonyms;
    private final JsonMapper json = JsonMapper.builder().build();

    IndexDefinitions(SynonymSource synonyms) {
        this.synonyms = synonyms;
    }

    /**
     * The body that creates a new version of {@code alias}: its settings and mappings as they are now, with their
     * fingerprint in the mapping's {@code _meta}.
     */
    String body(String alias) throws IOException {
        ObjectNode definition = definition(alias);
        String fingerprint = fingerprint(definition);
        ((ObjectNode) definition.get("mappings")).putObject("_meta").put(FINGERPRINT, fingerprint);
        return json.writeValueAsString(definition);
    }

    /** The fingerprint of the definition a new version of {@code alias} would be created from now. */
    String fingerprint(String alias) throws IOException {
        return fingerprint(definition(alias));
    }

    private ObjectNode definition(String alias) throws IOException {
        ObjectNode definition;
        try (InputStream file = new ClassPathResource("elasticsearch/" + alias + ".json").getInputStream()) {
            definition = (ObjectNode) json.readTree(file);
        }
        if (alias.equals(SearchIndices.REVIEWS)) {
            ArrayNode rules =
                    ((ObjectNode) definition.at("/settings/analysis/filter/" + SYNONYM_FILTER)).putArray("rules");
            synonyms.rulesInForce().forEach(rules::add);
        }
        return definition;
    }

    private String fingerprint(ObjectNode definition) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(definition));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
