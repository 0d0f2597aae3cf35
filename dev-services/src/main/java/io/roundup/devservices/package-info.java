/** Real Kafka, Elasticsearch and MongoDB servers on loopback ports, for tests and for the local run. */
package io.roundup.devservices;
