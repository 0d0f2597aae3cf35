package io.roundup.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LocalUsersTests {

    private static IdentitySettings settings(String editorPassword, String adminPassword) {
        return new IdentitySettings(
                "roundup",
                Duration.ofHours(1),
                null,
                Map.of(
                        "editor",
                        new IdentitySettings.User(editorPassword, List.of("EDITOR")),
                        "admin",
                        new IdentitySettings.User(adminPassword, List.of("ADMIN", "EDITOR"))));
    }

    @Test
    void grantsTheUsersRolesForTheRightPassword() {
        LocalUsers users = new LocalUsers(settings("editor-secret", "admin-secret"));

        assertThat(users.authenticate("editor", "editor-secret")).contains(List.of("EDITOR"));
        assertThat(users.authenticate("admin", "admin-secret")).contains(List.of("ADMIN", "EDITOR"));
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownUserAlike() {
        LocalUsers users = new LocalUsers(settings("editor-secret", "admin-secret"));

        assertThat(users.authenticate("editor", "admin-secret")).isEmpty();
        assertThat(users.authenticate("nobody", "editor-secret")).isEmpty();
        assertThat(users.authenticate("editor", "")).isEmpty();
        assertThat(users.authenticate("editor", "editor-secret" + "x".repeat(100)))
                .isEmpty();
    }

    @Test
    void generatesAndLogsOncePasswordsThatWereNotConfigured(CapturedOutput output) {
        LocalUsers users = new LocalUsers(settings("", "admin-secret"));

        Matcher generated = Pattern.compile("Generated password for user 'editor' .*: (\\S+)")
                .matcher(output.getAll());
        assertThat(generated.find()).isTrue();
        assertThat(generated.group(1)).hasSizeGreaterThanOrEqualTo(24);
        assertThat(users.authenticate("editor", generated.group(1))).contains(List.of("EDITOR"));
        assertThat(generated.find()).as("logged once").isFalse();
        assertThat(output.getAll()).doesNotContain("user 'admin'").doesNotContain("admin-secret");
    }
}
