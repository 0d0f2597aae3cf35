/** Per-client token buckets that keep any single address from exhausting reads, writes or password guesses. */
package io.roundup.gateway.ratelimit;
