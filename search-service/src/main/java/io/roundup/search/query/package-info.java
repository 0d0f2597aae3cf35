/** The public search API: full-text search with facets and cursors, suggestions as the reader types, related reviews. */
package io.roundup.search.query;
