package io.roundup.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTests {

    @TempDir
    Path directory;

    @Test
    void createsAMissingKeyFileReadableByTheOwnerOnly() throws Exception {
        Path file = directory.resolve("keys/signing-key.pem");

        new SigningKey(file);

        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void readsTheSameKeyBackAfterARestart() {
        Path file = directory.resolve("signing-key.pem");
        SigningKey first = new SigningKey(file);

        SigningKey second = new SigningKey(file);

        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.publicKey()).isEqualTo(first.publicKey());
    }

    @Test
    void publishesOnlyThePublicHalf() {
        SigningKey key = new SigningKey((Path) null);

        List<?> keys = (List<?>) key.publicJwkSet().get("keys");

        assertThat(keys)
                .singleElement()
                .asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
                .containsEntry("kid", key.keyId())
                .containsEntry("kty", "RSA")
                .containsEntry("alg", "RS256")
                .containsKeys("n", "e")
                .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
    }

    @Test
    void refusesToStartWithAnUnreadableKeyRatherThanReplacingIt() throws Exception {
        Path file = directory.resolve("signing-key.pem");
        Files.writeString(file, "not a key");

        assertThatIllegalStateException().isThrownBy(() -> new SigningKey(file)).withMessageContaining(file.toString());
        assertThat(Files.readString(file)).isEqualTo("not a key");
    }
}
