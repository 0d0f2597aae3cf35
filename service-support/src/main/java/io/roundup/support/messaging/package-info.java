/** Reading Roundup's CloudEvents headers off Kafka messages. */
package io.roundup.support.messaging;
