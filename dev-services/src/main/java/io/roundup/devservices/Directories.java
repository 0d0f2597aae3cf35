package io.roundup.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** File-system chores: temp directories, recursive deletion, and handing directories to the unprivileged user. */
public final class Directories {

    /** Elasticsearch refuses to run as root; as root we run it as this uid/gid ("nobody" on Debian). */
    static final int UNPRIVILEGED_ID = 65534;

    static final List<String> TEMP_PREFIXES = List.of("roundup-kafka-", "roundup-es-run-", "roundup-es-home-");

    private static final String OWNER_FILE = ".owner";

    /** "pid start-millis" of this JVM: a pid alone may have been reused since. */
    private static final String OWNER = ProcessHandle.current().pid() + " "
            + ProcessHandle.current()
                    .info()
                    .startInstant()
                    .map(Instant::toEpochMilli)
                    .orElse(0L);

    private static final List<Path> DELETE_ON_EXIT = new ArrayList<>();

    private static boolean swept;

    private Directories() {}

    /** A temporary directory that records which JVM owns it, so that a later JVM can sweep it if nobody did. */
    static Path createTemp(String part, String prefix) {
        sweepOnce();
        try {
            Path directory = Files.createTempDirectory(prefix).toAbsolutePath();
            Files.writeString(directory.resolve(OWNER_FILE), OWNER);
            return directory;
        } catch (IOException e) {
            throw new DevServiceException(part + ": cannot create a temporary directory (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The children delete their temporary directories when this JVM dies; only when they are killed as well (SIGKILL
     * to the whole process group, the OOM killer) is something left, and the next JVM to start a server removes it.
     */
    private static synchronized void sweepOnce() {
        if (swept) {
            return;
        }
        swept = true;
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> entries = Files.list(tmp)) {
            entries.filter(entry ->
                            TEMP_PREFIXES.stream().anyMatch(entry.getFileName().toString()::startsWith))
                    .filter(entry -> ownerIsGone(entry.resolve(OWNER_FILE)))
                    .forEach(entry -> {
                        try {
                            deleteRecursively(entry);
                        } catch (UncheckedIOException e) {
                            // another user's, or being deleted right now: not ours to insist on
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            // sweeping is a courtesy
        }
    }

    private static boolean ownerIsGone(Path ownerFile) {
        try {
            String[] owner = Files.readString(ownerFile).trim().split(" ");
            long pid = Long.parseLong(owner[0]);
            long started = Long.parseLong(owner[1]);
            return ProcessHandle.of(pid)
                    .map(handle -> handle.info()
                            .startInstant()
                            .map(instant -> instant.toEpochMilli() != started)
                            .orElse(false))
                    .orElse(true);
        } catch (IOException | RuntimeException e) {
            return false; // no owner recorded: leave it alone
        }
    }

    static Path create(String part, Path directory) {
        try {
            return Files.createDirectories(directory).toAbsolutePath();
        } catch (IOException e) {
            throw new DevServiceException(part + ": cannot create directory " + directory + " (" + e + ")", e);
        }
    }

    /** Keeps the previous run's log as {@code <name>.previous}, so a kept data directory does not grow forever. */
    static void startNewLog(Path logFile) {
        try {
            if (Files.exists(logFile)) {
                Files.move(
                        logFile,
                        logFile.resolveSibling(logFile.getFileName() + ".previous"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // appending to the old one is fine too
        }
    }

    /**
     * Deletes {@code directory} and everything below it (a symbolic link as itself, not what it points at); nothing when
     * it is not there.
     *
     * @throws UncheckedIOException when something in it cannot be deleted (what could be is gone)
     */
    public static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void deleteOnExit(Path directory) {
        if (DELETE_ON_EXIT.isEmpty()) {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                synchronized (Directories.class) {
                                    DELETE_ON_EXIT.forEach(dir -> {
                                        try {
                                            deleteRecursively(dir);
                                        } catch (UncheckedIOException e) {
                                            // best effort at exit
                                        }
                                    });
                                }
                            },
                            "roundup-dev-services-cleanup"));
        }
        DELETE_ON_EXIT.add(directory);
    }

    static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Gives the tree to the unprivileged user (only meaningful, and only done, when running as root). */
    static void giveToUnprivileged(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setAttribute(path, "unix:uid", UNPRIVILEGED_ID, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", UNPRIVILEGED_ID, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The outermost folder on the way to {@code path} (the path included) that users other than its owner cannot
     * enter, or null when the "others may search" bit is set all the way.
     */
    static Path firstNotTraversableByOthers(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path current = absolute.getRoot();
        for (Path name : absolute) {
            current = current.resolve(name);
            if (!Files.exists(current)) {
                break; // the rest is created later by this process, with the usual umask
            }
            try {
                if (!Files.getPosixFilePermissions(current).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return current;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return current;
            }
        }
        return null;
    }

    static void makeReadableByAll(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                permissions.add(PosixFilePermission.OWNER_READ);
                permissions.add(PosixFilePermission.GROUP_READ);
                permissions.add(PosixFilePermission.OTHERS_READ);
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    permissions.add(PosixFilePermission.OWNER_EXECUTE);
                    permissions.add(PosixFilePermission.GROUP_EXECUTE);
                    permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                }
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
