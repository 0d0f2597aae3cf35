/** Announces saved state on Kafka after it is stored, so a crash can never leave a write unannounced or an announcement unsaved. */
package io.roundup.support.outbox;
