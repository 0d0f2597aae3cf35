package io.roundup.support.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import io.roundup.contracts.AccessTokens;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/**
 * Callers of a service's MockMvc as the gateway's tokens describe them: a subject and its roles. The token is handed
 * to the service already validated, so no key is needed; pair it with {@link WithTestTokens} so that nothing ever
 * fetches one.
 */
public final class TestTokens {

    /** The setting that tells a service where the gateway publishes its keys. */
    public static final String JWK_SET_URI = "roundup.auth.jwk-set-uri";

    /** A port nothing listens on: a context that did try to fetch keys fails at once instead of finding a gateway. */
    public static final String NO_KEY_SET = "http://127.0.0.1:1/unused";

    private TestTokens() {}

    /** The user {@code editor}, as the gateway's default editor account. */
    public static JwtRequestPostProcessor editor() {
        return editor("editor");
    }

    public static JwtRequestPostProcessor editor(String name) {
        return caller(name, AccessTokens.EDITOR);
    }

    /** The user {@code admin}, with ADMIN and EDITOR like the gateway's default admin account. */
    public static JwtRequestPostProcessor admin() {
        return admin("admin");
    }

    public static JwtRequestPostProcessor admin(String name) {
        return caller(name, AccessTokens.ADMIN, AccessTokens.EDITOR);
    }

    /** Signed in but without a role: may read, like anyone, and nothing more. */
    public static JwtRequestPostProcessor reader() {
        return caller("reader");
    }

    /** A caller holding exactly these roles. */
    public static JwtRequestPostProcessor caller(String name, String... roles) {
        List<GrantedAuthority> authorities = Stream.of(roles)
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        return jwt().jwt(token -> token.subject(name).claim(AccessTokens.ROLES_CLAIM, List.of(roles)))
                .authorities(authorities);
    }
}
