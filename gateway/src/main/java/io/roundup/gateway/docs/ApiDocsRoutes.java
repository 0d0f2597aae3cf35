package io.roundup.gateway.docs;

import io.roundup.gateway.web.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v3/api-docs}: the merged OpenAPI document of the public API; {@code /api/docs}: the Swagger UI over
 * it, from the swagger-ui webjar with a start page of the gateway's own. Both are public reads: the gateway's rate
 * limits apply to them like to any read.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

    /**
     * The UI runs the webjar's scripts and styles and calls this origin only; the rest of the gateway keeps its
     * {@code default-src 'none'}, which Spring Security adds where no answer set a policy of its own.
     */
    static final String UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    /** The webjar's files the start page uses; its own index and initializer would show the petstore. */
    private static final Set<String> UI_FILES =
            Set.of("swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png", "favicon-16x16.png");

    @Bean
    RouterFunction<ServerResponse> apiDocs(PublicApiDocs docs) {
        return RouterFunctions.route()
                .GET(
                        "/v3/api-docs",
                        request -> docs.document(request.exchange().getRequest())
                                .flatMap(document -> ServerResponse.ok()
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .cacheControl(CacheControl.noCache())
                                        .bodyValue(document)))
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> swaggerUi() {
        Resource page = new ClassPathResource("api-docs/index.html");
        Resource initializer = new ClassPathResource("api-docs/initializer.js");
        String webjar = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
        CacheControl assets = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
        HandlerFilterFunction<ServerResponse, ServerResponse> policy = (request, next) -> {
            request.exchange().getResponse().getHeaders().set("Content-Security-Policy", UI_POLICY);
            return next.handle(request);
        };
        return RouterFunctions.route()
                .GET("/api/docs", request -> html(page))
                .GET("/api/docs/", request -> html(page))
                .GET(
                        "/api/docs/initializer.js",
                        request -> ServerResponse.ok()
                                .contentType(MediaType.valueOf("text/javascript"))
                                .cacheControl(CacheControl.noCache())
                                .bodyValue(initializer))
                .GET("/api/docs/{file}", request -> {
                    String file = request.pathVariable("file");
                    if (!UI_FILES.contains(file)) {
                        return Mono.error(new ProblemException(
                                HttpStatus.NOT_FOUND, "Not found", "There is nothing at this address."));
                    }
                    return ServerResponse.ok()
                            .contentType(mediaType(file))
                            .cacheControl(assets)
                            .bodyValue(new ClassPathResource(webjar + file));
                })
                .filter(policy)
                .build();
    }

    private static Mono<ServerResponse> html(Resource page) {
        return ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .bodyValue(page);
    }

    private static MediaType mediaType(String file) {
        if (file.endsWith(".css")) {
            return MediaType.valueOf("text/css");
        }
        if (file.endsWith(".js")) {
            return MediaType.valueOf("text/javascript");
        }
        return MediaType.IMAGE_PNG;
    }

    /** The webjar's version, from the Maven metadata it carries, so that upgrading it is a change of the pom only. */
    private static String swaggerUiVersion() {
        try (InputStream in =
                new ClassPathResource("META-INF/maven/org.webjars/swagger-ui/pom.properties").getInputStream()) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException ex) {
            throw new UncheckedIOException("The swagger-ui webjar is missing", ex);
        }
    }
}
