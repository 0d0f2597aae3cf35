/**
 * An Elasticsearch analysis plugin on the stable plugin API: the English stemming, accent folding, possessive and
 * synonym token filters the search distribution lacks, each a thin factory around a Lucene filter.
 */
package io.roundup.search.analysis;
