/** Rebuilds the indices into new versions behind their aliases while search keeps answering from the old ones. */
package io.roundup.search.reindex;
