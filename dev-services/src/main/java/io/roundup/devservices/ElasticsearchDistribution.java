package io.roundup.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Elasticsearch distribution, unpacked once per machine into a world-readable folder under the temp directory
 * (never run from {@code ~/.m2}: the unprivileged user cannot enter it), plus kept copies with plugins installed.
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
     * A home with the plugins installed, made once per set of plugin zips and kept in the temp directory beside the
     * shared distribution, named by the zips' digest: installing a plugin runs Elasticsearch's installer, a JVM of its
     * own that takes seconds of CPU on every start otherwise. Nodes only read their home, so nodes with the same plugins
     * share it. It is built in a staging folder and renamed into place, so a home that is there is complete; one
     * another user made, or one not used for {@link #UNUSED_HOME_KEPT} (its marker's time is renewed on each use), is
     * left or removed respectively. When the cache cannot serve, a private home is made that the caller deletes
     * ({@link Home#own()}).
     */
    static Home withPlugins(Path shared, List<Path> plugins, Path javaHome, Path logFile) {
        for (Path plugin : plugins) {
            if (!Files.isRegularFile(plugin)) {
                throw new DevServiceException(PART + ": plugin zip not found: " + plugin);
            }
        }
        Path parent = shared.getParent();
        String prefix = PLUGINS_PREFIX + Artifacts.elasticsearchVersion() + "-";
        Path target = parent.resolve(prefix + digest(plugins));
        sweepUnusedHomes(parent, prefix, target);
        if (ownComplete(target)) {
            touch(target.resolve(COMPLETE_MARKER));
            return new Home(target, false);
        }
        if (Files.exists(target)) {
            // another user's (or a broken one we cannot replace): a private home, as before the cache
            return new Home(privateHome(shared, plugins, javaHome, logFile), true);
        }
        Path staging = null;
        try {
            staging = Files.createTempDirectory(parent, target.getFileName() + ".installing-");
            build(shared, staging, plugins, javaHome, logFile);
            Files.createFile(staging.resolve(COMPLETE_MARKER));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return new Home(target, false);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another JVM installed the same plugins at the same time
            Directories.deleteRecursively(staging);
            if (ownComplete(target)) {
                return new Home(target, false);
            }
            throw new DevServiceException(PART + ": cannot keep a home with plugins in " + target + " (" + e + ")", e);
        } catch (IOException | UncheckedIOException | DevServiceException e) {
            if (staging != null) {
                Directories.deleteRecursively(staging);
            }
            throw e instanceof DevServiceException d
                    ? d
                    : new DevServiceException(PART + ": cannot prepare a home for plugins (" + e + ")", e);
        }
    }

    /**
     * A home for a node: the shared distribution, a kept home with plugins, or a private one that the node deletes.
     *
     * @param path its folder
     * @param own true when the node that asked for it deletes it when it stops
     */
    record Home(Path path, boolean own) {}

    static final String PLUGINS_PREFIX = "roundup-es-plugins-";

    /** How long a kept home with plugins that no start used is kept. */
    static final Duration UNUSED_HOME_KEPT = Duration.ofDays(7);

    /** A private home made of hard links to the shared one (copies where links fail), with the plugins installed. */
    private static Path privateHome(Path shared, List<Path> plugins, Path javaHome, Path logFile) {
        Path home = Directories.createTemp(PART, "roundup-es-home-");
        try {
            build(shared, home, plugins, javaHome, logFile);
            return home;
        } catch (IOException | UncheckedIOException | DevServiceException e) {
            Directories.deleteRecursively(home);
            throw e instanceof DevServiceException d
                    ? d
                    : new DevServiceException(PART + ": cannot prepare a home for plugins (" + e + ")", e);
        }
    }

    private static void build(Path shared, Path home, List<Path> plugins, Path javaHome, Path logFile)
            throws IOException {
        linkTree(shared, home);
        for (Path plugin : plugins) {
            install(home, plugin.toAbsolutePath(), javaHome, logFile);
        }
        Directories.makeReadableByAll(home);
    }

    /** Complete, and made by this user: a home someone else planted in a shared temp directory is not trusted. */
    private static boolean ownComplete(Path home) {
        try {
            return Files.isRegularFile(home.resolve(COMPLETE_MARKER), LinkOption.NOFOLLOW_LINKS) && ownedByMe(home);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether this process's user owns {@code path} (the link itself, never what it points to). */
    private static boolean ownedByMe(Path path) {
        try {
            return Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)
                    .equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The plugin zips' SHA-256, in the order given (the installer installs them in that order). */
    static String digest(List<Path> plugins) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path plugin : plugins) {
                try (InputStream in = Files.newInputStream(plugin)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        sha.update(buffer, 0, n);
                    }
                }
                sha.update((byte) 0); // one zip's end, so that two zips never read as one
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new DevServiceException(PART + ": cannot read the plugins " + plugins + " (" + e + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes this user's kept homes with plugins that no start has used for a week, and interrupted builds. */
    private static void sweepUnusedHomes(Path parent, String prefix, Path keep) {
        Instant cutoff = Instant.now().minus(UNUSED_HOME_KEPT);
        try (Stream<Path> entries = Files.list(parent)) {
            entries.filter(entry -> entry.getFileName().toString().startsWith(PLUGINS_PREFIX))
                    .filter(entry -> !entry.equals(keep))
                    .filter(entry -> lastUsed(entry).isBefore(cutoff))
                    .filter(ElasticsearchDistribution::ownedByMe)
                    .forEach(entry -> {
                        try {
                            Directories.deleteRecursively(entry);
                        } catch (UncheckedIOException e) {
                            // being deleted by another JVM right now: not ours to insist on
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            // sweeping is a courtesy
        }
    }

    /** The marker's time for a complete home, the folder's own for a staging one (an interrupted install). */
    private static Instant lastUsed(Path home) {
        try {
            Path marker = home.resolve(COMPLETE_MARKER);
            return Files.getLastModifiedTime(Files.exists(marker, LinkOption.NOFOLLOW_LINKS) ? marker : home)
                    .toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }

    private static void touch(Path marker) {
        try {
            Files.setLastModifiedTime(marker, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // only the sweep reads it
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
