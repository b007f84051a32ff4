package dev.orderflow.order.port.out;

import java.time.Duration;

/** The inventory could not be reached or answered with an error. */
public class ReservationsUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public ReservationsUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
