package io.roundup.product.messaging;

import io.roundup.product.Product;
import io.roundup.support.outbox.StateRelay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/** Wires the state relay that announces every saved product revision on {@code roundup.products}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelaySettings.class)
class ProductRelayConfiguration {

    static final String SOURCE = "/product-service";

    @Bean
    StateRelay<Product> productRelay(MongoOperations mongo, StreamBridge bridge, RelaySettings settings) {
        return new StateRelay<>(
                mongo,
                Product.class,
                Product.COLLECTION,
                bridge,
                settings.binding(),
                SOURCE,
                ProductEvents::toEvent,
                settings.sweepInterval());
    }
}
