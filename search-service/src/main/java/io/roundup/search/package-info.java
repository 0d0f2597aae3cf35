/** Roundup's search: an Elasticsearch view of published reviews, rebuilt from the article and product events. */
package io.roundup.search;
