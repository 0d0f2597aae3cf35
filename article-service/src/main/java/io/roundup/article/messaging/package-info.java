/** Announces every saved article on Kafka through the shared state relay, mapping the stored article to the event contract. */
package io.roundup.article.messaging;
