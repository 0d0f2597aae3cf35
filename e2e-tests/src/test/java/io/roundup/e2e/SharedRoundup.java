package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One platform for the whole test run: the first end-to-end class that asks for a {@link LaunchedRoundup} starts it
 * ({@code ./roundup up} as a user runs it), every later class gets the same one, and after the last test it is
 * stopped with SIGTERM and checked for what it left behind. Starting the platform takes about half a minute and
 * most of the machine; starting it once per class would double the end-to-end time with each new class.
 */
final class SharedRoundup implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LaunchedRoundup.class;
    }

    @Override
    public LaunchedRoundup resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // the root context's store lives until every test has run, then closes what it holds
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(SharedRoundup.class))
                .computeIfAbsent(Platform.class, type -> Platform.start(), Platform.class)
                .roundup();
    }

    /** The running platform; closing it stops it and fails the run if anything outlived the launcher. */
    private record Platform(LaunchedRoundup roundup) implements AutoCloseable {

        static Platform start() {
            Path projectDir = Path.of(System.getProperty("roundup.project-dir", ".."))
                    .toAbsolutePath()
                    .normalize();
            try {
                LaunchedRoundup roundup = LaunchedRoundup.start(projectDir, "e2e-" + UUID.randomUUID());
                System.out.printf(
                        "[e2e] ./roundup up: platform up in %.1f s%n",
                        roundup.startedIn().toMillis() / 1e3);
                return new Platform(roundup);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        /** Stopping must leave nothing behind: no process, no bound port, and the launcher says it stopped. */
        @Override
        public void close() {
            long started = System.nanoTime();
            LaunchedRoundup.StopReport report = roundup.stop();
            System.out.printf("[e2e] SIGTERM: platform stopped in %.1f s%n", (System.nanoTime() - started) / 1e9);
            assertThat(report.survivors())
                    .as("processes left running after the launcher stopped")
                    .isEmpty();
            assertThat(report.exitCode())
                    .as("the launcher's exit code after SIGTERM")
                    .isNotNull();
            assertThat(roundup.portsStillListening())
                    .as("ports still listening")
                    .isEmpty();
            assertThat(roundup.console()).contains("Roundup stopped.");
        }
    }
}
