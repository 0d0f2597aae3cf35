package io.roundup.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No credential is ever committed: the Secrets that hold passwords and the signing key are templates without values,
 * applied by no kustomization, and the README says how to create each one.
 */
class SecretTemplateTests {

    /** Keys whose values are credentials; anything else in a Secret (a username, a role name) may be written down. */
    private static final Pattern CREDENTIAL = Pattern.compile("(?i).*(password|passwd|secret|token|\\.pem|\\.key)$");

    private final Platform platform = Platform.load();

    @Test
    void theTemplatesHoldNoCredentialValues() {
        assertThat(platform.handMadeSecrets()).isNotEmpty().allSatisfy(secret -> {
            assertThat(secret.getData())
                    .as(secret.getMetadata().getName() + " data")
                    .isNullOrEmpty();
            assertThat(credentials(secret))
                    .as(secret.getMetadata().getName())
                    .isNotEmpty()
                    .allSatisfy((key, value) -> assertThat(value).as(key).isEmpty());
        });
    }

    @Test
    void theAppliedSecretsHoldNoCredentials() {
        assertThat(platform.secrets())
                .allSatisfy(secret -> assertThat(credentials(secret))
                        .as(secret.getMetadata().getName())
                        .isEmpty());
        assertThat(platform.scaledObjects())
                .allSatisfy(s -> assertThat(s.spec().triggers())
                        .allSatisfy(t -> assertThat(t.metadata().keySet())
                                .noneMatch(k -> CREDENTIAL.matcher(k).matches())));
    }

    @Test
    void theReadmeSaysHowToCreateEachHandMadeSecret() throws IOException {
        String readme = Files.readString(Manifests.ROOT.resolve("deploy/README.md"));
        assertThat(platform.handMadeSecrets())
                .allSatisfy(secret -> assertThat(readme)
                        .containsPattern("kubectl [^\\n]*create secret [a-z-]+ "
                                + Pattern.quote(secret.getMetadata().getName()) + "\\b"));
    }

    private static Map<String, String> credentials(Secret secret) {
        Map<String, String> all = new HashMap<>();
        if (secret.getData() != null) {
            all.putAll(secret.getData());
        }
        if (secret.getStringData() != null) {
            all.putAll(secret.getStringData());
        }
        all.keySet().removeIf(key -> !CREDENTIAL.matcher(key).matches());
        return all;
    }
}
