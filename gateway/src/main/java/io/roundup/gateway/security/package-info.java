/** The local identity provider (tokens and JWK set) and the edge rules that decide who may call what. */
package io.roundup.gateway.security;
