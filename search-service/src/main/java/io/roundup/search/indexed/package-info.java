/**
 * Tells the other services what readers' search now shows of each article, on {@code roundup.search.indexed}: after
 * the index made it visible, without ever holding indexing up.
 */
package io.roundup.search.indexed;
