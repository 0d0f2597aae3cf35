/** Starts the whole platform on one machine — real servers from dev-services, each service in its own JVM — and stops it cleanly. */
package io.roundup.launcher;
