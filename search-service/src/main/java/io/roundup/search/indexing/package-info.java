/** Keeps the Elasticsearch indices in step with the article and product events: idempotent, order-safe, nothing lost. */
package io.roundup.search.indexing;
