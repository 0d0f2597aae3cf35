package io.roundup.devservices;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to run an Elasticsearch node.
 *
 * @param port the HTTP port on 127.0.0.1, or 0 for a free one
 * @param dataDirectory where the node keeps its data, configuration and logs, kept across runs; null for a temporary
 *     directory that {@link ElasticsearchServer#close()} deletes. When running as root the node runs as uid 65534:
 *     a directory that uid can reach is handed over to it; one it cannot (below a folder only its owner may enter)
 *     keeps the node's files in a folder of its own under /var/lib/roundup, linked from the directory as {@code node}.
 * @param heapMegabytes the node's maximum heap (-Xmx); it starts at 64 MB and grows only as far as the node needs
 * @param plugins plugin zips to install before the first start ({@code elasticsearch-plugin install})
 * @param startupTimeout how long to wait for the cluster to turn yellow
 * @param optimizingCompiler whether the node's JVM compiles hot code with C2 as well as C1 (the JDK's default): searches
 *     then cost about half the CPU, for about 3 s more start-up on 2 cores; without it, C1 alone, for quick starts
 */
public record ElasticsearchSettings(
        int port,
        Path dataDirectory,
        int heapMegabytes,
        List<Path> plugins,
        Duration startupTimeout,
        boolean optimizingCompiler) {

    public ElasticsearchSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (heapMegabytes < 128) {
            throw new IllegalArgumentException("heap too small: " + heapMegabytes + " MB");
        }
        plugins = List.copyOf(plugins);
        Objects.requireNonNull(startupTimeout, "startupTimeout");
    }

    /** A free port, temporary data, a 512 MB heap, no plugins, C1 alone (a test's node starts quickly). */
    public static ElasticsearchSettings defaults() {
        return new ElasticsearchSettings(0, null, 512, List.of(), Duration.ofSeconds(180), false);
    }

    public ElasticsearchSettings withPort(int port) {
        return new ElasticsearchSettings(
                port, dataDirectory, heapMegabytes, plugins, startupTimeout, optimizingCompiler);
    }

    public ElasticsearchSettings withDataDirectory(Path dataDirectory) {
        return new ElasticsearchSettings(
                port, dataDirectory, heapMegabytes, plugins, startupTimeout, optimizingCompiler);
    }

    public ElasticsearchSettings withHeapMegabytes(int heapMegabytes) {
        return new ElasticsearchSettings(
                port, dataDirectory, heapMegabytes, plugins, startupTimeout, optimizingCompiler);
    }

    public ElasticsearchSettings withPlugins(List<Path> plugins) {
        return new ElasticsearchSettings(
                port, dataDirectory, heapMegabytes, plugins, startupTimeout, optimizingCompiler);
    }

    public ElasticsearchSettings withStartupTimeout(Duration startupTimeout) {
        return new ElasticsearchSettings(
                port, dataDirectory, heapMegabytes, plugins, startupTimeout, optimizingCompiler);
    }

    public ElasticsearchSettings withOptimizingCompiler(boolean optimizingCompiler) {
        return new ElasticsearchSettings(
                port, dataDirectory, heapMegabytes, plugins, startupTimeout, optimizingCompiler);
    }
}
