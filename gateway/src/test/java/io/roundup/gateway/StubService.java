package io.roundup.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for a downstream service: it records each request and answers as told. The gateway's
 * readiness checks ({@code /actuator/health/readiness}) are answered apart, with 200 unless told otherwise, and only
 * counted.
 */
final class StubService implements AutoCloseable {

    private final HttpServer server;

    private final ExecutorService executor = Executors.newCachedThreadPool();

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private volatile Answer answer = Answer.json(200, "{\"served\":true}");

    private volatile Duration delay = Duration.ZERO;

    private volatile int readiness = 200;

    private final AtomicInteger readinessChecks = new AtomicInteger();

    private final AtomicInteger served = new AtomicInteger();

    private StubService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.createContext("/actuator/health/readiness", this::ready);
        server.start();
    }

    static StubService start() {
        return new StubService();
    }

    /** The address of a port nothing listens on, like a service that is down. */
    static String unreachableUri() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(Answer next) {
        this.answer = next;
    }

    void delayAnswers(Duration delay) {
        this.delay = delay;
    }

    void reset() {
        received.clear();
        answer = Answer.json(200, "{\"served\":true}");
        delay = Duration.ZERO;
        readiness = 200;
    }

    /** The status its readiness checks answer: 503 like a service that is shutting down. */
    void readiness(int status) {
        this.readiness = status;
    }

    int readinessChecks() {
        return readinessChecks.get();
    }

    /** How many requests (not readiness checks) it has answered or started answering. */
    int served() {
        return served.get();
    }

    Received takeRequest() throws InterruptedException {
        Received request = received.poll(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the service").isNotNull();
        return request;
    }

    boolean receivedNothing() {
        return received.isEmpty();
    }

    private void ready(HttpExchange exchange) throws IOException {
        try (exchange) {
            readinessChecks.incrementAndGet();
            exchange.sendResponseHeaders(readiness, -1);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        served.incrementAndGet();
        try (exchange) {
            Headers headers = new Headers();
            headers.putAll(exchange.getRequestHeaders());
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    headers,
                    new String(body, StandardCharsets.UTF_8)));
            Thread.sleep(delay.toMillis());
            Answer current = answer;
            byte[] bytes = current.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", current.contentType());
            current.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(current.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    record Received(String method, String path, Headers headers, String body) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    record Answer(int status, String contentType, String body, Map<String, String> headers) {

        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, Map.of());
        }
    }
}
