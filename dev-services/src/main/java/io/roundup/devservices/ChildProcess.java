package io.roundup.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running {@link ChildMain}, with its output appended to a log file. Its stdin pipe stays open for as long
 * as this JVM lives; that is how the child notices that the parent is gone.
 */
final class ChildProcess {

    /** The children choose their own JVM and options; the parent's must not leak into them. */
    private static final List<String> INHERITED_JAVA_SETTINGS =
            List.of("JAVA_HOME", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "JAVA_OPTS");

    private final Process process;

    private ChildProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code java <jvmOptions> ChildMain <arguments>} with the current JVM's {@code java}. */
    static ChildProcess startJava(
            String part,
            List<String> classpath,
            List<String> jvmOptions,
            List<String> arguments,
            Map<String, String> environment,
            Path workingDirectory,
            Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        List<String> entries = new ArrayList<>();
        entries.add(childMainLocation().toString());
        entries.addAll(classpath);
        command.add(String.join(java.io.File.pathSeparator, entries));
        command.add(ChildMain.class.getName());
        command.addAll(arguments);

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        INHERITED_JAVA_SETTINGS.forEach(builder.environment().keySet()::remove);
        builder.environment().putAll(environment);
        try {
            return new ChildProcess(builder.start());
        } catch (IOException e) {
            throw new DevServiceException(part + ": cannot start a child process (" + e.getMessage() + ")", e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or -1 while it runs. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Ends the child and everything it started: SIGTERM first, SIGKILL for whatever is left after the grace period. */
    void stop(Duration grace) {
        Set<ProcessHandle> tree = new LinkedHashSet<>(process.descendants().toList());
        tree.add(process.toHandle());
        // Not Process.destroy(): that also closes stdin, which the child would take for the parent's death.
        process.toHandle().destroy();
        // A child stopped while it starts may still launch one of its own (Elasticsearch's CLI its server): look
        // again while waiting, so that what it started in the meantime is ended too.
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (process.isAlive() && System.nanoTime() < deadline) {
                process.descendants().forEach(tree::add);
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            handle.onExit()
                    .orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> handle)
                    .join();
        }
        closeQuietly(process.getOutputStream());
    }

    /** The process and its descendants, for tests that check that nothing is left behind. */
    List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        return tree;
    }

    /** Test hook: what the child sees when the parent JVM dies. */
    void closeStdin() {
        closeQuietly(process.getOutputStream());
    }

    private static void closeQuietly(java.io.OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static Path childMainLocation() {
        CodeSource source = ChildMain.class.getProtectionDomain().getCodeSource();
        try {
            Path location = source == null ? null : Path.of(source.getLocation().toURI());
            // Inside a Spring Boot executable jar the location is a nested path: real to this JVM, meaningless on a
            // child's classpath. Only a plain file or directory will do.
            if (location != null
                    && location.getFileSystem() == FileSystems.getDefault()
                    && (Files.isDirectory(location) || Files.isRegularFile(location))) {
                return location;
            }
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            // nested jar or other exotic class loader: fall back to a copy of the class file
        }
        return ChildMainCopy.LOCATION;
    }

    /** ChildMain needs no other class, so a copy of its class file is enough to launch it from anywhere. */
    private static final class ChildMainCopy {

        static final Path LOCATION = copy();

        private static Path copy() {
            String resource = ChildMain.class.getName().replace('.', '/') + ".class";
            try (InputStream in = ChildMain.class.getClassLoader().getResourceAsStream(resource)) {
                Path root = Files.createTempDirectory("roundup-childmain-");
                Path target = root.resolve(resource);
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
                Directories.deleteOnExit(root);
                return root;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
