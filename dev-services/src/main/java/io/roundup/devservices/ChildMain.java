package io.roundup.devservices;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Entry point of the child JVMs. It ends what it runs once the parent JVM is gone: the parent holds the write end of
 * this process's stdin, and the kernel closes it however the parent dies (even SIGKILL), so EOF on stdin means
 * "orphaned".
 *
 * <pre>
 * ChildMain kafka &lt;server.properties&gt; &lt;cluster id&gt; [--orphan-cleanup &lt;dir&gt;]...
 * ChildMain exec [--orphan-cleanup &lt;dir&gt;]... -- &lt;command&gt;...
 * </pre>
 *
 * It references no other class of this module, so it can also be launched from a copy of this class file alone.
 */
final class ChildMain {

    private static final long GRACE_MILLIS = 20_000;

    /** Set once the parent is gone, so that the main thread leaves the exit to the cleanup. */
    private static volatile boolean orphaned;

    private ChildMain() {}

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String mode = rest.removeFirst();
        List<Path> orphanCleanup = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            if (arg.equals("--orphan-cleanup")) {
                orphanCleanup.add(Path.of(rest.removeFirst()));
            } else if (arg.equals("--")) {
                positional.addAll(rest);
                rest.clear();
            } else {
                positional.add(arg);
            }
        }
        switch (mode) {
            case "kafka" -> runKafka(positional.get(0), positional.get(1), orphanCleanup);
            case "exec" -> supervise(positional, orphanCleanup);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    private static void runKafka(String serverProperties, String clusterId, List<Path> orphanCleanup) throws Exception {
        onParentGone(() -> {
            if (orphanCleanup.isEmpty()) {
                haltLater();
                System.exit(0); // Kafka's own shutdown hook flushes the kept data
            } else {
                // The data is about to be deleted: a graceful shutdown would only cost time.
                deleteAll(orphanCleanup);
                Runtime.getRuntime().halt(0);
            }
        });
        // --ignore-formatted makes this a no-op for a data directory kept from an earlier run.
        Object exitCode = invokeStatic(
                "kafka.tools.StorageTool",
                "execute",
                new Class<?>[] {String[].class, PrintStream.class},
                new String[] {"format", "--ignore-formatted", "-t", clusterId, "-c", serverProperties},
                System.out);
        if (!Integer.valueOf(0).equals(exitCode)) {
            System.err.println("Formatting the Kafka storage failed with exit code " + exitCode);
            System.exit(1);
        }
        invokeStatic("kafka.Kafka", "main", new Class<?>[] {String[].class}, (Object) new String[] {serverProperties});
    }

    private static void supervise(List<String> command, List<Path> orphanCleanup) throws Exception {
        Process child = new ProcessBuilder(command)
                .inheritIO()
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        // SIGTERM/SIGINT to this JVM, or the parent stopping us: end the command gracefully.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> terminate(child, GRACE_MILLIS)));
        onParentGone(() -> {
            orphaned = true;
            if (orphanCleanup.isEmpty()) {
                terminate(child, GRACE_MILLIS);
            } else {
                terminate(child, 0);
                deleteAll(orphanCleanup);
            }
            Runtime.getRuntime().halt(0);
        });
        int exitCode = child.waitFor();
        if (orphaned) {
            Thread.sleep(Long.MAX_VALUE); // the parent-watch thread halts the JVM when it is done
        }
        System.exit(exitCode);
    }

    private static void terminate(Process child, long graceMillis) {
        List<ProcessHandle> tree = new ArrayList<>(child.descendants().toList());
        tree.add(child.toHandle());
        if (graceMillis > 0) {
            child.toHandle().destroy();
            try {
                child.waitFor(graceMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            handle.onExit()
                    .orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> handle)
                    .join();
        }
    }

    private static void onParentGone(Runnable action) {
        Thread watcher = new Thread(
                () -> {
                    try (InputStream in = System.in) {
                        byte[] buffer = new byte[256];
                        while (in.read(buffer) >= 0) {
                            // the parent never writes; anything it might send is ignored
                        }
                    } catch (IOException e) {
                        // a broken pipe means the same as EOF
                    }
                    action.run();
                },
                "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void haltLater() {
        Thread halter = new Thread(
                () -> {
                    try {
                        Thread.sleep(GRACE_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    Runtime.getRuntime().halt(1);
                },
                "halt-after-grace");
        halter.setDaemon(true);
        halter.start();
    }

    private static Object invokeStatic(String className, String method, Class<?>[] types, Object... args)
            throws Exception {
        try {
            return Class.forName(className).getMethod(method, types).invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static void deleteAll(List<Path> directories) {
        for (Path directory : directories) {
            // a process that is still being killed may add a file meanwhile: try again
            for (int attempt = 1; attempt <= 5 && Files.exists(directory); attempt++) {
                try (Stream<Path> paths = Files.walk(directory)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                        try {
                            Files.deleteIfExists(path);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (IOException | UncheckedIOException e) {
                    if (attempt == 5) {
                        System.err.println("Could not delete " + directory + ": " + e);
                    }
                }
            }
        }
    }
}
