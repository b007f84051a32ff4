package dev.orderflow.platform.store;

/**
 * A call to a data store failed in a way that leaves its effect unknown: it timed out, the connection dropped after
 * the request was sent, or the store answered with a server error. A write may or may not have been applied, so a
 * caller must find out (a conditional write again, or a read) before it tells anyone that nothing happened.
 */
public class StoreOutcomeUnknownException extends RuntimeException {

    public StoreOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
