/** Reading Roundup's CloudEvents headers off Kafka messages; the event topics' settings. */
package io.roundup.support.messaging;
