package io.roundup.article;

/**
 * Who asks for a change, as far as the editorial rules care: a name, and whether they are an administrator.
 *
 * @param name the username, recorded as the author of the change
 * @param admin whether the caller holds the ADMIN role
 */
public record Editor(String name, boolean admin) {}
