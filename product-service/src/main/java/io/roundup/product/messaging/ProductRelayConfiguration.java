package io.roundup.product.messaging;

import io.roundup.events.CloudEventHeaders;
import io.roundup.events.Topics;
import io.roundup.product.Product;
import io.roundup.product.ProductSettings;
import io.roundup.support.outbox.StateRelay;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/** Wires the shared state relay to the products collection and the {@value Topics#PRODUCTS} topic. */
@Configuration(proxyBeanMethods = false)
class ProductRelayConfiguration {

    /** The output binding; its destination is {@link Topics#PRODUCTS} (application.yml). */
    static final String BINDING = "products-out-0";

    static final String SOURCE = CloudEventHeaders.PRODUCT_SERVICE_SOURCE;

    @Bean
    StateRelay<Product> productRelay(MongoOperations mongo, StreamBridge bridge, ProductSettings settings) {
        return new StateRelay<>(
                mongo,
                Product.class,
                Product.COLLECTION,
                bridge,
                BINDING,
                SOURCE,
                ProductEvents::toEvent,
                settings.relay().sweepInterval());
    }
}
