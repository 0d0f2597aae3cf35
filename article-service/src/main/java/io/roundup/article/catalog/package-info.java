/** What article-service knows of the product catalog: a small view kept from the product events on Kafka. */
package io.roundup.article.catalog;
