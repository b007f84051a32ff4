package dev.orderflow.platform.store;

import java.time.Duration;

/**
 * A data store did not take the call, so **nothing was written**: its circuit is open (it is known to be down), it
 * could not be reached, or it throttled every attempt. Callers may tell their client so, and the client may send
 * the request again after {@link #retryAfter()}. Expected by the thousand during an outage or a burst, so it carries
 * no stack trace.
 */
public class StoreUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public StoreUnavailableException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** How long until the store is worth trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
