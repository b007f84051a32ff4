package dev.orderflow.shared;

import java.time.Duration;

/**
 * A data store refused a call at once because it is known to be down (its circuit is open). Expected by the
 * thousand during an outage, so it carries no stack trace, and callers log it without one.
 */
public class StoreUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public StoreUnavailableException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** How long until the store is tried again; a client retrying sooner is refused the same way. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
