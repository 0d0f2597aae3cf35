package io.roundup.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the {@code *Benchmark} classes share: the platform started as {@code ./roundup up} starts it (with its demo
 * content), and their results written as JSON under {@code target/benchmarks} with the conditions they ran in.
 * Benchmarks measure; they fail only when the platform does not work, never on a number.
 */
final class Benchmarks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Benchmarks() {}

    static LaunchedRoundup startPlatform() throws IOException {
        return startPlatform(Map.of());
    }

    /** The platform with settings of its own in its environment, e.g. the gateway's rate limits off. */
    static LaunchedRoundup startPlatform(Map<String, String> environment) throws IOException {
        Path projectDir = Path.of(System.getProperty("roundup.project-dir", ".."))
                .toAbsolutePath()
                .normalize();
        LaunchedRoundup roundup = LaunchedRoundup.start(projectDir, "bench-" + UUID.randomUUID(), environment);
        System.out.printf(
                "[bench] ./roundup up: platform up in %.1f s%n",
                roundup.startedIn().toMillis() / 1e3);
        return roundup;
    }

    static void stopPlatform(LaunchedRoundup roundup) {
        if (roundup == null) {
            return;
        }
        LaunchedRoundup.StopReport report = roundup.stop();
        if (!report.survivors().isEmpty()) {
            System.out.println("[bench] WARNING: processes outlived the launcher (killed): " + report.survivors());
        }
    }

    /** Writes {@code target/benchmarks/<name>.json}: the results under {@code results}, beside the run's conditions. */
    static Path write(String name, Object results) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("benchmark", name);
        document.put("finishedAt", Instant.now().toString());
        document.put(
                "environment",
                Map.of(
                        "availableProcessors",
                        Runtime.getRuntime().availableProcessors(),
                        "javaVersion",
                        System.getProperty("java.version"),
                        "os",
                        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                        "demoContentSeeded",
                        true,
                        "note",
                        "client and platform share the machine"));
        document.put("results", results);
        Path file = Path.of("target", "benchmarks", name + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        System.out.println("[bench] results written to " + file.toAbsolutePath());
        return file;
    }

    /**
     * The JSON body of a request that must answer 200, such as a check of Elasticsearch around the measured runs; any
     * other answer fails the benchmark, which would otherwise report figures of a platform that does not work.
     */
    static JsonNode okJson(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException ex) {
            throw new AssertionError(request.uri() + " unreachable: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** The documents in {@code index} (tombstones included), as Elasticsearch counts them now. */
    static long documents(HttpClient client, URI elasticsearch, String index) {
        return okJson(
                        client,
                        HttpRequest.newBuilder(elasticsearch.resolve("/" + index + "/_count"))
                                .build())
                .path("count")
                .asLong(0);
    }
}
