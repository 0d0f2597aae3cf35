/**
 * What article-service knows of search: a small view of what search-service announced it shows readers, kept from
 * {@code roundup.search.indexed}; each article's search status from it, and waits until search shows a write.
 */
package io.roundup.article.search;
