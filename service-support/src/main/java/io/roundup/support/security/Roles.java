package io.roundup.support.security;

import io.roundup.contracts.AccessTokens;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The roles a Roundup token can carry ({@link AccessTokens}), and who the current caller is. */
public final class Roles {

    public static final String EDITOR = AccessTokens.EDITOR;
    public static final String ADMIN = AccessTokens.ADMIN;

    private Roles() {}

    /** True when the current request carries a valid token with EDITOR or ADMIN: such callers may see drafts. */
    public static boolean callerIsEditor() {
        return hasRole(EDITOR) || hasRole(ADMIN);
    }

    public static boolean callerIsAdmin() {
        return hasRole(ADMIN);
    }

    /** The authenticated username (the token's {@code sub}), if any. */
    public static Optional<String> callerName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())
                ? Optional.empty()
                : Optional.of(auth.getName());
    }

    private static boolean hasRole(String role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}
