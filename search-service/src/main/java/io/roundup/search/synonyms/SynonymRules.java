package io.roundup.search.synonyms;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The synonym rules in force for new index versions, in Solr format ({@code headset, headphones} or
 * {@code hoover => vacuum}).
 *
 * @param rules the rules, in the order editors gave them
 * @param revision 0 for the defaults shipped with the service, then one more per change
 * @param updatedAt when they were last changed; absent for the defaults
 * @param updatedBy who changed them last; absent for the defaults
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record SynonymRules(List<String> rules, long revision, Instant updatedAt, String updatedBy) {

    SynonymRules {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
