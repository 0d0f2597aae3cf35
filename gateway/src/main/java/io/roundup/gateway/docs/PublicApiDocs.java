package io.roundup.gateway.docs;

import io.netty.channel.ChannelOption;
import io.roundup.gateway.docs.ApiDocsMerger.Part;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.webflux.api.OpenApiWebfluxResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.context.Context;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public API's document, assembled when it is asked for: each routed service's {@code /v3/api-docs}, fetched from
 * one of the copies the gateway balances over, and the gateway's own operations, merged and kept for a short while. A service
 * that does not answer in time leaves its part out, and the document says so ({@code x-unavailable}); such a
 * document is kept only briefly, so that it is whole again soon after the service is back.
 */
@Component
class PublicApiDocs {

    private static final Logger log = LoggerFactory.getLogger(PublicApiDocs.class);

    private static final String API_DOCS = "/v3/api-docs";

    private final RouteLocator routes;

    private final OpenApiWebfluxResource gatewayDocs;

    private final JsonMapper json;

    private final ApiDocsSettings settings;

    private final WebClient client;

    private final String version;

    private final Mono<ObjectNode> merged;

    PublicApiDocs(
            RouteLocator routes,
            OpenApiWebfluxResource gatewayDocs,
            JsonMapper json,
            ApiDocsSettings settings,
            ObjectProvider<BuildProperties> build,
            ReactorLoadBalancerExchangeFilterFunction loadBalancer) {
        this.routes = routes;
        this.gatewayDocs = gatewayDocs;
        this.json = json;
        this.settings = settings;
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .responseTimeout(settings.timeout())
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                                settings.timeout().toMillis())))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .filter(loadBalancer)
                .build();
        BuildProperties properties = build.getIfAvailable();
        this.version = properties != null ? properties.getVersion() : "dev";
        // springdoc derives the gateway's own part from a request: the one whose fetch fills the cache
        this.merged = Mono.deferContextual(context -> assemble(context.get(ServerHttpRequest.class)))
                .cache(
                        document -> ApiDocsMerger.missing(document).isEmpty()
                                ? settings.cacheFor()
                                : settings.incompleteCacheFor(),
                        failure -> Duration.ZERO,
                        () -> Duration.ZERO);
    }

    /** The merged document, with the gateway as its server, as the given request reached it. */
    Mono<ObjectNode> document(ServerHttpRequest request) {
        return merged.contextWrite(Context.of(ServerHttpRequest.class, request)).map(document -> {
            ObjectNode answer = document.deepCopy();
            ObjectNode server = json.createObjectNode();
            server.put("url", gatewayUrl(request.getURI()));
            server.put("description", "The gateway: every public route of Roundup");
            // servers come second in an OpenAPI document, after openapi and info
            ObjectNode ordered = json.createObjectNode();
            ordered.set("openapi", answer.get("openapi"));
            ordered.set("info", answer.get("info"));
            ordered.putArray("servers").add(server);
            answer.properties().forEach(e -> ordered.set(e.getKey(), e.getValue()));
            return ordered;
        });
    }

    private Mono<ObjectNode> assemble(ServerHttpRequest request) {
        Mono<List<Part>> services = routes.getRoutes()
                .filter(route -> route.getMetadata().get("area") != null)
                .concatMap(this::fetch)
                .collectList();
        return Mono.zip(services, gatewayPart(request)).map(all -> {
            List<Part> parts = new ArrayList<>(all.getT1());
            parts.add(all.getT2());
            return ApiDocsMerger.merge(version, parts);
        });
    }

    private Mono<Part> fetch(Route route) {
        String area = route.getMetadata().get("area").toString();
        // lb://<service> routes: the load balancer picks one of its copies for the service named as the host
        URI uri = URI.create("http://" + route.getUri().getAuthority() + API_DOCS);
        return client.get()
                .uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(byte[].class)
                .map(body -> new Part(area, json.readTree(body)))
                .timeout(settings.timeout())
                .onErrorResume(ex -> {
                    log.warn("The {} service's API document could not be had: {}", area, ex.toString());
                    return Mono.just(new Part(area, null));
                });
    }

    private Mono<Part> gatewayPart(ServerHttpRequest request) {
        try {
            return gatewayDocs
                    .openapiJson(request, API_DOCS, Locale.ROOT)
                    .map(body -> new Part("auth", json.readTree(body)));
        } catch (Exception ex) {
            return Mono.error(ex);
        }
    }

    private static String gatewayUrl(URI requested) {
        return requested.getScheme() + "://" + requested.getRawAuthority();
    }
}
