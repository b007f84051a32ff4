package dev.orderflow.order.port.out;

import java.time.Duration;

/** The inventory could not be asked: it is down, unreachable, overloaded, or failed before deciding. */
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
