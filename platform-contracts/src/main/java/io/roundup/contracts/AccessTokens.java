package io.roundup.contracts;

/**
 * What a Roundup access token carries, as the gateway's identity provider issues it and every service reads it: the
 * issuer, and the caller's roles as a list of names in the {@value #ROLES_CLAIM} claim.
 */
public final class AccessTokens {

    /** The {@code iss} of tokens when nothing else is configured, on the issuing and the validating side alike. */
    public static final String DEFAULT_ISSUER = "roundup";

    public static final String ROLES_CLAIM = "roles";

    /** May write: create, change, publish and delete. */
    public static final String EDITOR = "EDITOR";

    /** May do what an editor may, and what is kept for administrators, such as reindexing and search administration. */
    public static final String ADMIN = "ADMIN";

    private AccessTokens() {}
}
