/** Announces every saved product revision on Kafka through the state relay; the one place domain meets wire format. */
package io.roundup.product.messaging;
