package io.roundup.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Elasticsearch distribution, unpacked once per machine into a world-readable folder under the temp directory
 * (never run from {@code ~/.m2}: the unprivileged user cannot enter it), plus per-server copies that have plugins.
 */
final class ElasticsearchDistribution {

    private static final String PART = "Elasticsearch";

    private static final String COMPLETE_MARKER = ".complete";

    private ElasticsearchDistribution() {}

    /** The shared unpacked distribution; unpacks it (into a temp folder, then renamed) when it is not there yet. */
    static synchronized Path shared() {
        String version = Artifacts.elasticsearchVersion();
        Path parent = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Path target = parent.resolve("roundup-es-" + version);
        if (Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
            return target;
        }
        Path zip = Artifacts.elasticsearchZip();
        Path staging = null;
        try {
            staging = Files.createTempDirectory(parent, "roundup-es-" + version + ".unpacking-");
            unzip(zip, staging);
            Directories.makeReadableByAll(staging);
            Files.createFile(staging.resolve(COMPLETE_MARKER));
            if (Files.exists(target)) {
                // a leftover without the marker: an interrupted unpack from an older layout; replace it
                Path broken = Files.createTempDirectory(parent, "roundup-es-" + version + ".broken-");
                Files.move(target, broken.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
                Directories.deleteRecursively(broken);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another JVM unpacked it at the same time
            Directories.deleteRecursively(staging);
            if (Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
                return target;
            }
            throw new DevServiceException(PART + ": cannot unpack " + zip + " into " + target + " (" + e + ")", e);
        } catch (IOException | UncheckedIOException e) {
            if (staging != null) {
                Directories.deleteRecursively(staging);
            }
            throw new DevServiceException(PART + ": cannot unpack " + zip + " into " + target + " (" + e + ")", e);
        }
    }

    /**
     * A private home made of hard links to the shared one (copies where links fail), so that plugins can be
     * installed into it without touching the shared distribution. The caller deletes it.
     */
    static Path withPlugins(Path shared, List<Path> plugins, Path javaHome, Path logFile) {
        for (Path plugin : plugins) {
            if (!Files.isRegularFile(plugin)) {
                throw new DevServiceException(PART + ": plugin zip not found: " + plugin);
            }
        }
        Path home = Directories.createTemp(PART, "roundup-es-home-");
        try {
            linkTree(shared, home);
            for (Path plugin : plugins) {
                install(home, plugin.toAbsolutePath(), javaHome, logFile);
            }
            Directories.makeReadableByAll(home);
            return home;
        } catch (IOException | UncheckedIOException | DevServiceException e) {
            Directories.deleteRecursively(home);
            throw e instanceof DevServiceException d
                    ? d
                    : new DevServiceException(PART + ": cannot prepare a home for plugins (" + e + ")", e);
        }
    }

    private static void install(Path home, Path plugin, Path javaHome, Path logFile) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        home.resolve("bin/elasticsearch-plugin").toString(),
                        "install",
                        "--batch",
                        plugin.toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("ES_JAVA_HOME", javaHome.toString());
        builder.environment().put("ES_PATH_CONF", home.resolve("config").toString());
        Process installer = builder.start();
        try {
            int exit = installer.waitFor();
            if (exit != 0) {
                throw new DevServiceException(
                        PART + ": installing plugin " + plugin + " failed with exit code " + exit + " (log: " + logFile
                                + ")",
                        LogTail.of(logFile));
            }
        } catch (InterruptedException e) {
            // stopped during start-up: the installer must not outlive this JVM
            installer.descendants().forEach(ProcessHandle::destroyForcibly);
            installer.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DevServiceException(PART + ": interrupted while installing plugin " + plugin, e);
        }
    }

    /** Links lib/ and modules/ (large, never written); copies bin/ and config/ (small, and the tools write there). */
    private static void linkTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path relative = source.relativize(path);
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else if (relative.startsWith("lib") || relative.startsWith("modules")) {
                    try {
                        Files.createLink(copy, path);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } else if (!relative.toString().equals(COMPLETE_MARKER)) {
                    Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                // entries sit under "elasticsearch-<version>/": strip that first segment
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path destination = target.resolve(name.substring(slash + 1)).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                }
                // java.util.zip does not expose Unix modes; the scripts in bin/ are the only executables
                boolean executable = target.relativize(destination).startsWith("bin") && !name.endsWith(".bat");
                Files.setPosixFilePermissions(
                        destination, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
