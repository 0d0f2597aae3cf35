package io.roundup.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchServerIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void indexesAndSearchesWithAPluginAndKeepsDataAcrossARestart(@TempDir Path pluginFolder) throws Exception {
        Path plugin = emptyStablePlugin(pluginFolder.resolve("roundup-test.zip"));
        ElasticsearchServer elasticsearch = ElasticsearchServer.start(
                ElasticsearchSettings.defaults().withHeapMegabytes(256).withPlugins(List.of(plugin)));
        Path data = elasticsearch.dataDirectory();

        String mapping = "{\"mappings\":{\"properties\":{\"title\":{\"type\":\"text\"}}}}";
        assertThat(send("PUT", elasticsearch, "/reviews", mapping)).contains("\"acknowledged\":true");
        assertThat(send("PUT", elasticsearch, "/reviews/_doc/1?refresh=true", "{\"title\":\"Quiet headphones\"}"))
                .contains("\"result\":\"created\"");
        assertThat(search(elasticsearch, "headphones")).contains("Quiet headphones");
        assertThat(send("GET", elasticsearch, "/_cat/plugins", null)).contains("roundup-test");

        elasticsearch.stop();
        assertThat(elasticsearch.isRunning()).isFalse();
        assertThat(Ports.accepts(elasticsearch.port())).isFalse();

        elasticsearch.start();
        assertThat(search(elasticsearch, "headphones")).contains("Quiet headphones");

        List<ProcessHandle> tree = elasticsearch.process().tree();
        assertThat(tree).hasSizeGreaterThanOrEqualTo(3); // supervisor, CLI, server
        Path home = elasticsearch.home();
        elasticsearch.close();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(data).doesNotExist();
        // the home with the plugin installed is kept for the next node with the same plugins, which installs nothing
        assertThat(home.resolve("plugins").resolve("roundup-test")).isDirectory();
        ElasticsearchDistribution.Home again = ElasticsearchDistribution.withPlugins(
                ElasticsearchDistribution.shared(),
                List.of(plugin),
                Path.of(System.getProperty("java.home")),
                pluginFolder.resolve("install.log"));
        assertThat(again).isEqualTo(new ElasticsearchDistribution.Home(home, false));
        assertThat(pluginFolder.resolve("install.log")).as("no installer ran").doesNotExist();
    }

    /** Debian's /root is mode 700: a checkout there holds a data directory that uid 65534 cannot enter. */
    @Test
    void asRootKeepsDataAcrossARestartForADirectoryInAFolderOnlyItsOwnerMayEnter(@TempDir Path temp) throws Exception {
        assumeTrue(Directories.runningAsRoot(), "only root runs the node as another uid");
        Path home = Files.createDirectory(
                temp.resolve("home"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path data = home.resolve("roundup/.roundup/elasticsearch");
        ElasticsearchServer elasticsearch = ElasticsearchServer.start(
                ElasticsearchSettings.defaults().withHeapMegabytes(256).withDataDirectory(data));
        Path node = elasticsearch.nodeDirectory();
        try {
            assertThat(Files.readSymbolicLink(data.resolve(NodeFolder.LINK))).isEqualTo(node);
            assertThat(Directories.firstNotTraversableByOthers(node)).isNull();
            send("PUT", elasticsearch, "/reviews/_doc/1?refresh=true", "{\"title\":\"Quiet headphones\"}");

            elasticsearch.stop();
            elasticsearch.start();
            assertThat(search(elasticsearch, "headphones")).contains("Quiet headphones");
        } finally {
            elasticsearch.close();
            Directories.deleteRecursively(node);
        }
        assertThat(data.resolve("elasticsearch.log")).isRegularFile();
    }

    @Test
    void missingPluginIsReportedInOneLine(@TempDir Path folder) {
        Path missing = folder.resolve("missing.zip");

        assertThatThrownBy(() -> ElasticsearchServer.start(
                        ElasticsearchSettings.defaults().withPlugins(List.of(missing))))
                .isInstanceOf(DevServiceException.class)
                .hasMessage("Elasticsearch: plugin zip not found: " + missing);
    }

    private String search(ElasticsearchServer elasticsearch, String word) throws Exception {
        return send("POST", elasticsearch, "/reviews/_search", "{\"query\":{\"match\":{\"title\":\"" + word + "\"}}}");
    }

    private String send(String method, ElasticsearchServer elasticsearch, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(elasticsearch.httpUri() + path))
                .header("Content-Type", "application/json");
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 299);
        return response.body();
    }

    /** A stable-API plugin with no components: enough to prove that plugin zips get installed. */
    private static Path emptyStablePlugin(Path zip) throws IOException {
        // the same bytes on every run (fixed entry times): the home with it installed is kept by the zip's digest
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(jar)) {
            put(out, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "roundup-test.jar", jar.toByteArray());
            put(out, "stable-plugin-descriptor.properties", """
                    name=roundup-test
                    description=Installed by ElasticsearchServerIT
                    version=1.0
                    elasticsearch.version=%s
                    java.version=21
                    """.formatted(Artifacts.elasticsearchVersion())
                    .getBytes(StandardCharsets.UTF_8));
            put(out, "named_components.json", "{}".getBytes(StandardCharsets.UTF_8));
        }
        return zip;
    }

    private static final long FIXED_TIME = 1_764_547_200_000L; // 2025-12-01

    private static void put(ZipOutputStream out, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FIXED_TIME);
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }
}
