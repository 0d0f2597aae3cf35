package io.roundup.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildMainIT {

    @Test
    void supervisedCommandEndsWhenTheParentGoesAndItsFolderIsDeleted(@TempDir Path temp) throws Exception {
        Path scratch = Files.createDirectories(temp.resolve("scratch"));
        ChildProcess supervisor = ChildProcess.startJava(
                "Test",
                List.of(),
                List.of("-Xmx32m"),
                List.of("exec", "--orphan-cleanup", scratch.toString(), "--", "sleep", "600"),
                Map.of(),
                temp,
                temp.resolve("out.log"));
        await().atMost(Duration.ofSeconds(15)).until(() -> supervisor.tree().size() == 2);
        List<ProcessHandle> tree = supervisor.tree();

        supervisor.closeStdin();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(tree).noneMatch(ProcessHandle::isAlive);
            assertThat(scratch).doesNotExist();
        });
    }

    @Test
    void stopEndsTheSupervisedCommandToo(@TempDir Path temp) {
        ChildProcess supervisor = ChildProcess.startJava(
                "Test",
                List.of(),
                List.of("-Xmx32m"),
                List.of("exec", "--", "sleep", "600"),
                Map.of(),
                temp,
                temp.resolve("out.log"));
        await().atMost(Duration.ofSeconds(15)).until(() -> supervisor.tree().size() == 2);
        List<ProcessHandle> tree = supervisor.tree();

        supervisor.stop(Duration.ofSeconds(10));

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }
}
