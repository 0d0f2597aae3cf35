package io.roundup.devservices;

/**
 * A server could not be started or stopped. The message is one line that names the part and the reason, fit to be
 * printed as is; details such as the tail of the server's log are in the cause.
 */
public class DevServiceException extends RuntimeException {

    public DevServiceException(String message) {
        super(message);
    }

    public DevServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
