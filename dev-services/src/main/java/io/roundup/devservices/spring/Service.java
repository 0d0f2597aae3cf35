package io.roundup.devservices.spring;

/** A server that {@link WithDevServices} can provide. */
public enum Service {
    /** Sets {@code spring.kafka.bootstrap-servers} and {@code spring.cloud.stream.kafka.binder.brokers}. */
    KAFKA,
    /** Sets {@code spring.elasticsearch.uris}. */
    ELASTICSEARCH,
    /** Sets {@code spring.mongodb.uri}, with a database of the test class's own: {@code test_<SimpleName>}. */
    MONGODB
}
