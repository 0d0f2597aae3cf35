/** Validates the gateway's JWTs in each service: reads are public, writes need the EDITOR or ADMIN role. */
package io.roundup.support.security;
