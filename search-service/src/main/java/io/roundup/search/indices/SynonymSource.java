package io.roundup.search.indices;

import java.util.List;

/**
 * Where the editors' synonym rules come from: they are part of the review index's search analyzer, so each new
 * version of it is created with the rules in force at that moment.
 */
public interface SynonymSource {

    /** The rules in force now, in Solr format ({@code headset, headphones} or {@code hoover => vacuum}). */
    List<String> rulesInForce();
}
