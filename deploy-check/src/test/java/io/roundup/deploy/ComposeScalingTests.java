package io.roundup.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docker compose up --scale <service>=N} works for each backend: nothing pins a copy to one host port or one
 * name, and the gateway is told to reach every copy behind a service's name. (.ci/run checks that compose itself
 * accepts the file; no Docker engine runs here.)
 */
class ComposeScalingTests {

    private static final List<String> SCALABLE = List.of("article-service", "product-service", "search-service");

    private final JsonNode services =
            Manifests.tree(Manifests.ROOT.resolve("docker-compose.yml")).path("services");

    @Test
    void aScalableServicePublishesNoHostPortAndHasNoFixedName() {
        for (String name : SCALABLE) {
            JsonNode service = services.path(name);
            assertThat(service.isObject()).as(name).isTrue();
            assertThat(service.has("ports")).as(name + " ports").isFalse();
            assertThat(service.has("container_name"))
                    .as(name + " container_name")
                    .isFalse();
            assertThat(service.has("hostname")).as(name + " hostname").isFalse();
            // Every copy in the same consumer group: nothing overrides the application name per copy.
            assertThat(service.path("environment").has("SPRING_APPLICATION_NAME"))
                    .as(name)
                    .isFalse();
        }
    }

    @Test
    void theGatewayBalancesOverEveryCopyBehindEachServiceName() {
        JsonNode gateway = services.path("gateway").path("environment");
        assertThat(gateway.path("ROUNDUP_ROUTES_DISCOVERY").asText()).isEqualTo("dns");
        for (String name : SCALABLE) {
            String port = services.path(name).path("environment").path("PORT").asText();
            String area = name.substring(0, name.indexOf('-')).toUpperCase();
            String url = "http://" + name + ":" + port;
            assertThat(gateway.path("ROUNDUP_" + area + "_INSTANCES").asText()).isEqualTo(url);
            assertThat(gateway.path("ROUNDUP_" + area + "_URI").asText()).isEqualTo(url);
        }
    }

    @Test
    void theGatewayIsGivenEveryRouteItReadsAsAServiceOnThePortThatServiceIsGiven() {
        JsonNode gateway = services.path("gateway").path("environment");
        for (String setting : GatewayRoutes.uriSettings()) {
            URI uri = URI.create(gateway.path(setting).asText());
            JsonNode target = services.path(uri.getHost());
            assertThat(target.isObject())
                    .as(setting + " names a compose service")
                    .isTrue();
            assertThat(target.path("environment").path("PORT").asText())
                    .as(setting + " port")
                    .isEqualTo(String.valueOf(uri.getPort()));
        }
    }

    @Test
    void theTopicsHaveAsManyPartitionsAsTheServicesAreTold() {
        String broker = services.path("kafka")
                .path("environment")
                .path("KAFKA_NUM_PARTITIONS")
                .asText();
        for (String name : SCALABLE) {
            assertThat(services.path(name)
                            .path("environment")
                            .path("ROUNDUP_EVENTS_PARTITIONS")
                            .asText())
                    .as(name)
                    .isEqualTo(broker);
        }
        assertThat(Integer.parseInt(broker)).isGreaterThanOrEqualTo(2);
    }
}
