package dev.orderflow.order.adapter.out.processor;

/**
 * One attempt to call the processor failed in a way that says nothing about the order: an error status, a
 * broken connection or no answer in time. Only this is retried and counted by the circuit breaker (see
 * application.yml); the processor's business answers are results, not failures.
 */
public class ProcessorFailure extends RuntimeException {

    private final boolean timeout;

    ProcessorFailure(String message, boolean timeout, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    static ProcessorFailure timeout() {
        return new ProcessorFailure("the processor did not answer in time", true, null);
    }

    static ProcessorFailure of(String message, Throwable cause) {
        return new ProcessorFailure(message, false, cause);
    }

    boolean isTimeout() {
        return timeout;
    }
}
