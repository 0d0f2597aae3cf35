package io.roundup.launcher;

/** A part of the platform did not come up. The message is one line naming the part and the reason, printed as is. */
public class StartupFailure extends RuntimeException {

    public StartupFailure(String part, String reason) {
        super(part + " failed to start: " + reason);
    }

    public StartupFailure(String part, String reason, Throwable cause) {
        super(part + " failed to start: " + reason, cause);
    }
}
