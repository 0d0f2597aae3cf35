/** The Elasticsearch indices themselves: aliases, numbered versions and their definitions; no other search package. */
package io.roundup.search.indices;
