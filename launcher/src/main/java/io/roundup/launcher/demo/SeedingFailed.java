package io.roundup.launcher.demo;

/** The demo content could not be published. The message is one line naming the item and the reason, printed as is. */
final class SeedingFailed extends RuntimeException {

    SeedingFailed(String message) {
        super(message);
    }

    SeedingFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
