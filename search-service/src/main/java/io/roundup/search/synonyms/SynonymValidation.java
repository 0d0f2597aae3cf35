package io.roundup.search.synonyms;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.indices.AnalyzeRequest;
import io.roundup.search.indices.Unreachable;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks rules before they are saved: their shape here (count, length, a {@code ,} or {@code =>}), then their meaning
 * by the analysis plugin itself, through {@code _analyze} with the rules inline, so that a rule Elasticsearch would
 * refuse never reaches an index creation in the middle of a reindex.
 */
@Component
class SynonymValidation {

    static final int MAX_RULES = 2000;
    static final int MAX_RULE_LENGTH = 300;
    /** How many rules are checked one by one to name the culprits once the whole set is refused. */
    private static final int MAX_CULPRIT_CHECKS = 100;

    private final ElasticsearchClient client;
    private final JsonMapper json = JsonMapper.builder().build();

    SynonymValidation(ElasticsearchClient client) {
        this.client = client;
    }

    /** The rules as they will be stored (trimmed); {@link InvalidSynonyms} names each fault, blank rules included. */
    List<String> validate(List<String> rules) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (rules == null) {
            throw new InvalidSynonyms(Map.of("rules", List.of("is required (an empty list removes every rule)")));
        }
        if (rules.size() > MAX_RULES) {
            throw new InvalidSynonyms(Map.of("rules", List.of("must hold at most " + MAX_RULES + " rules")));
        }
        for (int i = 0; i < rules.size(); i++) {
            String rule = rules.get(i);
            String problem = shapeProblem(rule);
            if (problem != null) {
                errors.put("rules[" + i + "]", List.of(problem));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSynonyms(errors);
        }
        List<String> cleaned = rules.stream().map(String::strip).toList();
        String refusal = refusal(cleaned);
        if (refusal != null) {
            for (int i = 0; i < cleaned.size() && i < MAX_CULPRIT_CHECKS; i++) {
                String reason = refusal(List.of(cleaned.get(i)));
                if (reason != null) {
                    errors.put("rules[" + i + "]", List.of(reason));
                }
            }
            throw new InvalidSynonyms(errors.isEmpty() ? Map.of("rules", List.of(refusal)) : errors);
        }
        return cleaned;
    }

    private static String shapeProblem(String rule) {
        if (rule == null || rule.isBlank()) {
            return "must not be blank";
        }
        if (rule.length() > MAX_RULE_LENGTH) {
            return "must be at most " + MAX_RULE_LENGTH + " characters";
        }
        if (rule.chars().anyMatch(c -> Character.isISOControl(c))) {
            return "must be one line of text";
        }
        if (!rule.contains(",") && !rule.contains("=>")) {
            return "must list equivalent words (\"headset, headphones\") or map words (\"hoover => vacuum\")";
        }
        for (String term : rule.split("=>|,", -1)) {
            if (!term.isBlank() && term.codePoints().noneMatch(Character::isLetterOrDigit)) {
                return "every word or phrase must hold a letter or a digit";
            }
        }
        return null;
    }

    /** Null when the analysis plugin accepts the rules, else its reason. */
    private String refusal(List<String> rules) {
        ObjectNode body = json.createObjectNode();
        body.put("tokenizer", "standard");
        ArrayNode filters = body.putArray("filter");
        filters.add("lowercase");
        ObjectNode synonyms = filters.addObject();
        synonyms.put("type", "roundup_synonyms");
        ArrayNode list = synonyms.putArray("rules");
        rules.forEach(list::add);
        body.put("text", "probe");
        String request = json.writeValueAsString(body);
        try {
            client.indices().analyze(AnalyzeRequest.of(a -> a.withJson(new StringReader(request))));
            return null;
        } catch (ElasticsearchException ex) {
            if (ex.status() != 400) {
                throw ex;
            }
            return reason(ex.error());
        } catch (IOException ex) {
            throw Unreachable.elasticsearch(ex);
        }
    }

    /**
     * The plugin's own words for a refused rule are the innermost reason ("term: => was completely eliminated by
     * analyzer": nothing of one side is left once analyzed); the outer ones are about building the analyzer.
     */
    private static String reason(ErrorCause error) {
        ErrorCause deepest = error;
        while (deepest.causedBy() != null) {
            deepest = deepest.causedBy();
        }
        String reason = deepest.reason() != null ? deepest.reason() : error.reason();
        return "is not a rule the analyzer accepts (" + reason + ")";
    }
}
