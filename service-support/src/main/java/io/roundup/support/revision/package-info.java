/**
 * Optimistic concurrency shared by the services: an entity's revision is its strong ETag ({@code "3"}), and
 * {@code If-Match} says which revisions a write may apply to.
 */
package io.roundup.support.revision;
