package io.roundup.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The users of the local identity provider. Only BCrypt hashes are kept; a user without a configured password gets a
 * random one, logged once at start-up.
 */
@Component
class LocalUsers {

    static final int MAX_PASSWORD_BYTES = 72;

    private static final Logger log = LoggerFactory.getLogger(LocalUsers.class);

    private final PasswordEncoder encoder = new BCryptPasswordEncoder();

    private final SecureRandom random = new SecureRandom();

    private final Map<String, Account> accounts = new HashMap<>();

    private final String decoyHash;

    LocalUsers(IdentitySettings settings) {
        settings.users().forEach((username, user) -> {
            String password = user.password();
            if (!StringUtils.hasText(password)) {
                password = randomPassword();
                log.warn(
                        "Generated password for user '{}' (set {} to choose one): {}",
                        username,
                        variable(username),
                        password);
            }
            accounts.put(username, new Account(encoder.encode(password), List.copyOf(user.roles())));
        });
        this.decoyHash = encoder.encode(randomPassword());
    }

    /** The user's roles when the password is right; empty for a wrong password and an unknown user alike. */
    Optional<List<String>> authenticate(String username, String password) {
        Account account = accounts.get(username);
        boolean hashable = password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
        // Unknown users are checked against a decoy hash so they take as long as a wrong password: the answer's
        // timing must not tell which user names exist. BCrypt compares the hashes in constant time.
        boolean matches = encoder.matches(hashable ? password : "", account != null ? account.hash() : decoyHash);
        return account != null && hashable && matches ? Optional.of(account.roles()) : Optional.empty();
    }

    private String randomPassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String variable(String username) {
        return "ROUNDUP_" + username.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
    }

    private record Account(String hash, List<String> roles) {}
}
