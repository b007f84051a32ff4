package dev.orderflow.order.adapter.out.processor;

/**
 * One attempt to call the processor failed in a way that says nothing about the order. Every kind is retried (the
 * processor answers a repeated order id with its first decision); only an outage counts against the processor in
 * the circuit breaker ({@link ProcessorOutage}, application.yml). The processor's business answers are results, not
 * failures.
 */
public class ProcessorFailure extends RuntimeException {

    enum Kind {
        /** No answer within the attempt's time: the processor, or this gateway, is slow. Load, not an outage. */
        TIMEOUT,
        /** It answered 503: it is shedding load or its store is unavailable. Alive, and saying so. */
        UNAVAILABLE,
        /** No connection, or the connection was lost: the processor is down or restarting. */
        UNREACHABLE,
        /** It answered another 5xx: it is failing. */
        SERVER_ERROR
    }

    private final Kind kind;

    ProcessorFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    static ProcessorFailure timeout() {
        return new ProcessorFailure(Kind.TIMEOUT, "the processor did not answer in time", null);
    }

    static ProcessorFailure status(int status) {
        return new ProcessorFailure(status == 503 ? Kind.UNAVAILABLE : Kind.SERVER_ERROR,
                "the processor answered " + status, null);
    }

    static ProcessorFailure unreachable(Throwable cause) {
        return new ProcessorFailure(Kind.UNREACHABLE, "the call to the processor failed", cause);
    }

    Kind kind() {
        return kind;
    }

    /** Whether this failure says the processor is down rather than busy. */
    boolean isOutage() {
        return kind == Kind.UNREACHABLE || kind == Kind.SERVER_ERROR;
    }
}
