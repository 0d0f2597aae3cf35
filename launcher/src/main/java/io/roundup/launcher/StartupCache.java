package io.roundup.launcher;

import io.roundup.devservices.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * What makes a service's JVM start quickly on the next run, kept under the data folder. Once per build a service's jar
 * is extracted (Spring Boot's jarmode tools: the application jar beside its libraries), because a JVM can cache only
 * classes loaded from plain jars on the class path, not those nested in a Spring Boot jar. On JDK 25 or newer each copy
 * then gets an ahead-of-time cache (classes loaded and linked, JEP 483/514) that the first run writes as it stops and
 * later runs map; on older JDKs a dynamic class-data archive does the same with less. Anything that fails here only
 * costs speed: the service runs from its jar as built.
 */
final class StartupCache {

    private static final String EXTRACTED = "app";

    private static final String CACHES = "cds";

    private StartupCache() {}

    /**
     * The jar to run for a module: its extraction for this build, made now when there is none (in a staging folder,
     * then renamed, so a folder that is there is complete), or the built jar itself when extracting failed.
     */
    static synchronized Path runnableJar(String module, Path builtJar, Path dataDir) {
        Path folder = dataDir.resolve(EXTRACTED).resolve(module).toAbsolutePath();
        try {
            // a new build has a new time or size: its extraction is another folder, and the old ones go
            String build = Files.getLastModifiedTime(builtJar).toMillis() + "-" + Files.size(builtJar);
            Path target = folder.resolve(build);
            Path jar = target.resolve(builtJar.getFileName());
            if (Files.isRegularFile(jar)) {
                return jar;
            }
            Files.createDirectories(folder);
            deleteContents(folder);
            Path staging = Files.createTempDirectory(folder, build + ".extracting-");
            Process tools = new ProcessBuilder(
                            Jvm.javaExecutable(),
                            "-XX:TieredStopAtLevel=1",
                            "-Djarmode=tools",
                            "-jar",
                            builtJar.toString(),
                            "extract",
                            "--destination",
                            staging.resolve("out").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                if (tools.waitFor() != 0) {
                    deleteRecursively(staging);
                    return builtJar;
                }
            } catch (InterruptedException ex) {
                tools.destroyForcibly();
                Thread.currentThread().interrupt();
                deleteRecursively(staging);
                throw new StartupFailure(module, "stopped while extracting its jar");
            }
            Files.move(staging.resolve("out"), target, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(staging);
            return jar;
        } catch (IOException | UncheckedIOException ex) {
            return builtJar;
        }
    }

    /**
     * The JVM options that map, or on this run write, the copy's cache for the jar it runs. One cache per copy: copies
     * of a module stopping side by side would otherwise write the same file.
     */
    static List<String> options(String copyName, Path jar, Path dataDir) {
        Path caches = dataDir.resolve(CACHES).toAbsolutePath();
        try {
            Files.createDirectories(caches);
        } catch (IOException ex) {
            throw new StartupFailure(copyName, "cannot create " + caches + ": " + ex.getMessage(), ex);
        }
        if (Runtime.version().feature() < 25) {
            Path archive = caches.resolve(copyName + ".jsa");
            return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);
        }
        Path cache = caches.resolve(copyName + ".aot");
        // the jar a cache was written for: a cache is valid only with the class path it was made from
        Path madeFor = caches.resolve(copyName + ".aot.jar");
        try {
            // an empty cache is what a JVM leaves when its stop was cut short while writing it
            if (Files.isRegularFile(cache)
                    && Files.size(cache) > 0
                    && Files.isRegularFile(madeFor)
                    && Files.readString(madeFor).equals(jar.toString())) {
                return List.of("-XX:AOTCache=" + cache);
            }
            Files.deleteIfExists(cache);
            // the JVM's own temporary file (120 MB or so), left when a stop was cut short
            Files.deleteIfExists(cache.resolveSibling(cache.getFileName() + ".config"));
            Files.writeString(madeFor, jar.toString());
        } catch (IOException ex) {
            return List.of();
        }
        // this run records what it loads, and writes the cache when it stops (a stop that is cut short writes none,
        // and the next run records again); the hundreds of classes it cannot cache are not worth a log line each
        return List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot*=error", "-Xlog:cds*=error");
    }

    /** Empties {@code folder}: the extractions of earlier builds. */
    private static void deleteContents(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                deleteRecursively(entry);
            }
        }
    }

    private static void deleteRecursively(Path path) {
        try {
            Directories.deleteRecursively(path);
        } catch (UncheckedIOException ex) {
            // a leftover only takes space; the next extraction of this module removes it
        }
    }
}
