package io.roundup.support.revision;

/**
 * A write named a revision that is no longer the current one, so nothing was changed. The shared problem advice
 * answers 412 with the current revision as {@code ETag} and {@code currentRevision}; the message is the problem's
 * detail, so say in it what the caller should do.
 */
public class StaleRevision extends RuntimeException {

    private final long current;

    public StaleRevision(String message, long current) {
        super(message);
        this.current = current;
    }

    public long current() {
        return current;
    }
}
