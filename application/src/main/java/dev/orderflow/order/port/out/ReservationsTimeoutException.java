package dev.orderflow.order.port.out;

/** The inventory did not answer in time; it may or may not have decided. */
public class ReservationsTimeoutException extends RuntimeException {

    public ReservationsTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
