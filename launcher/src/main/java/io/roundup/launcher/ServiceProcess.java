package io.roundup.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Roundup service in a JVM of its own, with its output in a log file and readiness read from actuator. */
final class ServiceProcess {

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final Path logFile;
    private final Process process;

    private volatile boolean ready;

    private ServiceProcess(String name, int port, Path logFile, Process process) {
        this.name = name;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
    }

    static ServiceProcess start(
            String name, Path jar, int port, Map<String, String> env, List<String> jvmOptions, Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new StartupFailure(name, "its jar " + jar + " is missing; build it with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) {
            // Should the launcher itself be killed (kill -9, a crashed IDE), the kernel sends the service SIGTERM, and
            // it shuts down gracefully instead of living on as an orphan holding its port.
            command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "TERM", "--"));
        }
        command.add(Jvm.javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        Path logFile = logDir.resolve(name + ".log");
        try {
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("PORT", Integer.toString(port));
            return new ServiceProcess(name, port, logFile, builder.start());
        } catch (IOException ex) {
            throw new StartupFailure(name, "could not start a JVM: " + ex.getMessage(), ex);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ready and still running: it stops gracefully (a JVM that records writes its start-up cache as it does). */
    boolean isServing() {
        return ready && process.isAlive();
    }

    /** Waits for {@code /actuator/health/readiness} to answer 200; fails fast when the JVM exits. */
    void awaitReady(Duration timeout) {
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StartupFailure(name, "exited with code " + process.exitValue() + lastErrorHint());
            }
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    ready = true;
                    return;
                }
            } catch (IOException ex) {
                // not listening yet
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new StartupFailure(name, "interrupted while waiting for readiness");
            }
            pause(Duration.ofMillis(250));
        }
        throw new StartupFailure(
                name, "not ready after " + timeout.toSeconds() + " s on port " + port + lastErrorHint());
    }

    /**
     * SIGTERM when ready, so Spring shuts down gracefully (finishes requests, relays pending events); SIGKILL while it
     * is still starting, since Spring finishes starting before it honours SIGTERM and it has served nothing yet (what
     * it saved is relayed on the next start). Returns at once.
     */
    void requestStop() {
        if (ready) {
            process.destroy();
        } else {
            process.destroyForcibly();
        }
    }

    /** Waits for the exit that {@link #requestStop()} asked for; after the deadline, kills it the hard way. */
    void awaitStop(Instant deadline) {
        try {
            long remaining =
                    Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            if (!process.waitFor(remaining, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String lastErrorHint() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            String hint = lines.stream()
                    .filter(l -> l.contains("ERROR") || l.contains("Exception") || l.contains("APPLICATION FAILED"))
                    .reduce((first, second) -> second)
                    .orElse("");
            String trimmed = hint.length() > 300 ? hint.substring(0, 300) + "…" : hint;
            return " (see " + logFile + (trimmed.isBlank() ? "" : ": " + trimmed.strip()) + ")";
        } catch (IOException ex) {
            return " (see " + logFile + ")";
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
