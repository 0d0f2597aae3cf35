package io.roundup.article;

/** Another article already uses the slug the caller asked for. */
public class SlugTaken extends RuntimeException {

    private final String slug;

    SlugTaken(String slug) {
        super("The slug '" + slug + "' is already taken.");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
