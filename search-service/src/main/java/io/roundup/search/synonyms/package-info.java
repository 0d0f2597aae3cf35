/**
 * Editors' synonym rules ("headset, headphones"): stored in Elasticsearch, validated by the analysis plugin itself,
 * baked into each new version of the review index, and brought into effect by a reindex so search never pauses.
 */
package io.roundup.search.synonyms;
