/** Which published reviews use which products: a view kept from the article events on Kafka. */
package io.roundup.product.usage;
