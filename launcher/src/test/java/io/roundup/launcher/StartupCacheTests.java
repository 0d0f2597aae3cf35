package io.roundup.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCacheTests {

    @Test
    void theFirstRunWritesTheCacheAndLaterRunsMapItUntilTheJarChanges(@TempDir Path data) throws IOException {
        assumeTrue(Runtime.version().feature() >= 25, "the ahead-of-time cache needs JDK 25");
        Path jar = data.resolve("app").resolve("gateway.jar");
        Path cache = data.resolve("cds").resolve("gateway.aot").toAbsolutePath();

        assertThat(StartupCache.options("gateway", jar, data)).startsWith("-XX:AOTCacheOutput=" + cache);
        Files.writeString(cache, "written by the JVM as it stopped");
        assertThat(StartupCache.options("gateway", jar, data)).containsExactly("-XX:AOTCache=" + cache);

        Path rebuilt = data.resolve("app").resolve("gateway-rebuilt.jar");
        assertThat(StartupCache.options("gateway", rebuilt, data)).startsWith("-XX:AOTCacheOutput=" + cache);
        assertThat(cache).doesNotExist(); // made for another class path: the JVM would refuse it
    }

    @Test
    void anEmptyCacheLeftByAStopCutShortIsRecordedAgain(@TempDir Path data) throws IOException {
        assumeTrue(Runtime.version().feature() >= 25, "the ahead-of-time cache needs JDK 25");
        Path jar = data.resolve("app").resolve("web.jar");
        Path cache = data.resolve("cds").resolve("web.aot").toAbsolutePath();
        StartupCache.options("web", jar, data);
        Files.createFile(cache);
        Files.writeString(cache.resolveSibling("web.aot.config"), "the JVM's half-written configuration");

        assertThat(StartupCache.options("web", jar, data)).startsWith("-XX:AOTCacheOutput=" + cache);
        assertThat(cache.resolveSibling("web.aot.config")).doesNotExist();
    }

    @Test
    void aCopyHasACacheOfItsOwn(@TempDir Path data) {
        assumeTrue(Runtime.version().feature() >= 25, "the ahead-of-time cache needs JDK 25");
        Path jar = data.resolve("search-service.jar");

        assertThat(StartupCache.options("search-service-2", jar, data))
                .first()
                .asString()
                .endsWith("/cds/search-service-2.aot");
    }

    @Test
    void aJarThatCannotBeExtractedRunsAsBuilt(@TempDir Path data) throws IOException {
        Path plain = data.resolve("plain.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(plain))) {
            out.putNextEntry(new ZipEntry("README"));
            out.closeEntry();
        }

        assertThat(StartupCache.runnableJar("plain", plain, data)).isEqualTo(plain);
        assertThat(data.resolve("app").resolve("plain")).isEmptyDirectory(); // no half-made extraction is left
    }
}
