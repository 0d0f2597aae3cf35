package io.roundup.gateway.routing;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * Every routed service's copies, and a loop per service that keeps them honest: each round resolves host names again when due
 * ({@code dns} mode) and asks every copy for its readiness, with a timeout; a copy that does not answer 2xx leaves the
 * rotation until it passes again. Requests that find a copy refusing connections take it out at once (see
 * {@link EjectRefusingInstances}), so a killed copy is out within one request, and within one round at the latest.
 */
@Component
class RoutedServices implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RoutedServices.class);

    private final RouteSettings settings;

    /** Written when a request names a service that is not configured, read by the checking loop meanwhile. */
    private final Map<String, ServiceInstances> services = new ConcurrentHashMap<>();

    private final WebClient client;

    private volatile Disposable checking;

    RoutedServices(RouteSettings settings) {
        this.settings = settings;
        settings.services().forEach((id, service) -> services.put(id, new ServiceInstances(id, service.instances())));
        Duration timeout = settings.health().timeout();
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(
                        HttpClient.create().responseTimeout(timeout).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                                timeout.toMillis())))
                .build();
    }

    /** The copies of a service; none for a name that is not configured, which the gateway answers with 503. */
    ServiceInstances of(String serviceId) {
        return services.computeIfAbsent(serviceId, id -> {
            log.warn("No instances are configured for {} (roundup.routes.services.{}.instances)", id, id);
            return new ServiceInstances(id, List.of());
        });
    }

    /**
     * One round for one service: resolve its names again when due, then check each of its copies side by side. Each
     * service has a loop of its own, so that a copy that hangs until the timeout delays only its own service's next
     * round.
     */
    Mono<Void> checkOnce(ServiceInstances service, AtomicReference<Instant> nextResolve) {
        Mono<Void> resolve = Mono.empty();
        if (settings.discovery() == RouteSettings.Discovery.DNS && Instant.now().isAfter(nextResolve.get())) {
            nextResolve.set(Instant.now().plus(settings.dnsRefresh()));
            resolve = Mono.fromRunnable(service::resolve)
                    .subscribeOn(Schedulers.boundedElastic())
                    .then();
        }
        return resolve.thenMany(Flux.defer(() -> Flux.fromIterable(service.known())))
                .flatMap(instance -> check(service, instance))
                .then();
    }

    private Mono<Void> check(ServiceInstances service, ServiceInstance instance) {
        return client.get()
                .uri(instance.getUri() + settings.health().path())
                .exchangeToMono(response -> response.releaseBody()
                        .thenReturn(
                                response.statusCode().is2xxSuccessful()
                                        ? ""
                                        : "readiness answered "
                                                + response.statusCode().value()))
                .timeout(settings.health().timeout().plusMillis(100))
                .onErrorResume(ex ->
                        Mono.just("readiness check failed: " + ex.getClass().getSimpleName()))
                .doOnNext(failure -> service.checked(instance, failure.isEmpty(), failure))
                .then();
    }

    @Override
    public void start() {
        Disposable.Composite loops = Disposables.composite();
        for (ServiceInstances service : List.copyOf(services.values())) {
            AtomicReference<Instant> nextResolve = new AtomicReference<>(Instant.MIN);
            loops.add(Mono.defer(() -> checkOnce(service, nextResolve))
                    .onErrorResume(ex -> {
                        log.warn("A round of readiness checks of {} failed", service.getServiceId(), ex);
                        return Mono.empty();
                    })
                    .then(Mono.delay(settings.health().interval()))
                    .repeat()
                    .subscribe());
        }
        checking = loops;
    }

    @Override
    public void stop() {
        Disposable running = checking;
        if (running != null) {
            running.dispose();
        }
        checking = null;
    }

    @Override
    public boolean isRunning() {
        return checking != null;
    }
}
