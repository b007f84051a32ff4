package dev.orderflow.order.port.out;

/**
 * The inventory was asked but its answer was lost (a timeout, a dropped connection, a failed store): it may or may
 * not have decided. Asking again with the same order id is safe and tells.
 */
public class ReservationOutcomeUnknownException extends RuntimeException {

    public ReservationOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
