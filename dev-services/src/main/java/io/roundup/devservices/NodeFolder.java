package io.roundup.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an Elasticsearch node run as root keeps its {@code config/}, {@code data/}, {@code logs/} and {@code tmp/}.
 * Normally that is the server's own directory. But the node runs as uid 65534, which cannot enter a directory below a
 * folder that only its owner may enter — a checkout in Debian's {@code /root} (mode 700) holds its data folder there —
 * and changing the permissions of someone's home is not ours to do. The node's folder then lives under
 * {@code /var/lib/roundup/elasticsearch}: root's own, kept across reboots and never cleaned like {@code /tmp}, and
 * writable by nobody else, so no other user can plant or swap it. The server directory holds a symbolic link
 * {@code node} to it, which the next start follows to find the data again (and {@code ls -l} shows where it is). Each
 * such folder records the directory it belongs to; one whose directory now links elsewhere or nowhere (the data folder
 * was deleted and made afresh) is removed, so deleting the data folder to start afresh frees the space as well.
 */
final class NodeFolder {

    private static final Logger log = LoggerFactory.getLogger(NodeFolder.class);

    private static final String PART = "Elasticsearch";

    static final String LINK = "node";

    /** Where a node folder may live, in order of preference: /var/tmp serves when /var/lib cannot be written. */
    static final List<Path> BASES =
            List.of(Path.of("/var/lib/roundup/elasticsearch"), Path.of("/var/tmp/roundup-elasticsearch"));

    private static final String PREFIX = "node-";

    private static final String RECORD = ".directory";

    private static final String LOCK = ".lock";

    private static final Set<PosixFilePermission> TRAVERSABLE = PosixFilePermissions.fromString("rwx--x--x");

    private NodeFolder() {}

    /**
     * The server directory itself when uid 65534 can reach it, else its linked folder under one of {@link #BASES}; a
     * directory that has a link keeps using it, also once its parents have become searchable.
     */
    static Path of(Path directory) {
        Path blocked = Directories.firstNotTraversableByOthers(directory.getParent());
        if (blocked == null && !Files.isSymbolicLink(directory.resolve(LINK))) {
            return directory;
        }
        return outside(directory, blocked, BASES);
    }

    /** Serialised within this JVM, and across JVMs by a lock file: the sweep must never see a half-made folder. */
    /** {@code blocked} is the folder that keeps uid 65534 out, or null when only the link asks for this. */
    static synchronized Path outside(Path directory, Path blocked, List<Path> bases) {
        List<String> refusals = new ArrayList<>();
        for (Path base : bases) {
            Optional<String> refusal = prepareBase(base);
            if (refusal.isPresent()) {
                refusals.add(refusal.get());
                continue;
            }
            try (FileChannel channel =
                            FileChannel.open(base.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                Path node = linked(directory).orElseGet(() -> create(directory, base));
                sweep(base);
                return node;
            } catch (IOException | UncheckedIOException e) {
                throw new DevServiceException(
                        PART + ": cannot keep the node's data for " + directory + " under " + base + " (" + e + ")", e);
            }
        }
        String why = blocked == null
                ? directory.resolve(LINK) + " links to the node's folder"
                : "uid " + Directories.UNPRIVILEGED_ID + " cannot reach " + directory + " because " + blocked
                        + " is not world-searchable";
        throw new DevServiceException(PART + ": " + why + ", and no folder for the node could be made ("
                + String.join("; ", refusals) + "); use a data directory under /tmp");
    }

    /** The folder the directory's link points to, if it still exists; the link is updated for a moved directory. */
    private static Optional<Path> linked(Path directory) {
        Path link = directory.resolve(LINK);
        try {
            if (!Files.isSymbolicLink(link)) {
                if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                    throw new DevServiceException(PART + ": " + link + " should be a link to the node's folder, but is"
                            + " not; move it away to start the node afresh");
                }
                return Optional.empty();
            }
            Path target = directory.resolve(Files.readSymbolicLink(link)).normalize();
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                log.warn(
                        "{}: the node's folder {} that {} points to is gone; the node starts empty",
                        PART,
                        target,
                        link);
                Files.delete(link);
                return Optional.empty();
            }
            Path record = target.resolve(RECORD);
            if (!Files.isRegularFile(record) || !Files.readString(record).equals(directory.toString())) {
                Files.writeString(record, directory.toString()); // the data folder has moved: it is still its data
            }
            return Optional.of(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path create(Path directory, Path base) {
        try {
            Path node = Files.createTempDirectory(base, PREFIX);
            Files.setPosixFilePermissions(node, TRAVERSABLE);
            Files.writeString(node.resolve(RECORD), directory.toString());
            Path kept = directory.resolve("data");
            if (Files.isDirectory(kept, LinkOption.NOFOLLOW_LINKS)) {
                // data of a run when the folder could still be entered (its parents were chmod-ed back since)
                move(kept, node.resolve("data"));
            }
            Files.createSymbolicLink(directory.resolve(LINK), node);
            log.info(
                    "{}: uid {} cannot enter {}, so the node keeps its data in {} (linked from {})",
                    PART,
                    Directories.UNPRIVILEGED_ID,
                    directory,
                    node,
                    directory.resolve(LINK));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the folders that no directory links to any more. */
    private static void sweep(Path base) throws IOException {
        List<Path> folders;
        try (Stream<Path> entries = Files.list(base)) {
            folders = entries.filter(entry -> entry.getFileName().toString().startsWith(PREFIX))
                    .filter(entry -> Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS))
                    .toList();
        }
        for (Path folder : folders) {
            if (abandoned(folder)) {
                log.info("{}: removing {}, which no data folder links to any more", PART, folder);
                ChildServer.delete(folder);
            }
        }
    }

    /**
     * True when its directory exists and links elsewhere or nowhere. A directory that does not exist may be on a
     * drive that is not mounted, or have been moved: its folder is kept.
     */
    private static boolean abandoned(Path folder) throws IOException {
        Path record = folder.resolve(RECORD);
        if (!Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)) {
            return true; // made by a start that died before it could link it: nothing can find it
        }
        Path directory = Path.of(Files.readString(record));
        Path link = directory.resolve(LINK);
        if (Files.isSymbolicLink(link)) {
            return !directory.resolve(Files.readSymbolicLink(link)).normalize().equals(folder.normalize());
        }
        return Files.isDirectory(directory) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Makes the base folder (this user's, searchable but not readable or writable by others) and says why it cannot
     * serve: not a plain folder, another owner, writable by others, or out of uid 65534's reach.
     */
    private static Optional<String> prepareBase(Path base) {
        try {
            List<Path> made = new ArrayList<>();
            for (Path path = base;
                    path != null && !Files.exists(path, LinkOption.NOFOLLOW_LINKS);
                    path = path.getParent()) {
                made.add(path);
            }
            Files.createDirectories(base);
            for (Path path : made) {
                Files.setPosixFilePermissions(path, TRAVERSABLE);
            }
            if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(base + " is not a directory");
            }
            if (!Files.getAttribute(base, "unix:uid", LinkOption.NOFOLLOW_LINKS)
                    .equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))) {
                return Optional.of(base + " belongs to another user");
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(base, LinkOption.NOFOLLOW_LINKS);
            if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                return Optional.of(base + " is writable by others");
            }
            Path blocked = Directories.firstNotTraversableByOthers(base);
            if (blocked != null) {
                return Optional.of(blocked + " is not world-searchable");
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.of("cannot make " + base + ": " + e);
        }
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target);
        } catch (IOException e) {
            // another file system: copy, then remove the original
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    Path copy = target.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            Directories.deleteRecursively(source);
        }
    }
}
