package dev.orderflow.order.adapter.out.processor;

import java.util.function.Predicate;

/**
 * What the {@code processor} circuit breaker records (application.yml): the processor unreachable or failing. A slow
 * or shedding processor is working; opening the circuit on it would refuse every order because of a burst (ADR 0016).
 */
public class ProcessorOutage implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        return failure instanceof ProcessorFailure processorFailure && processorFailure.isOutage();
    }
}
