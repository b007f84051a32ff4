package dev.orderflow.order.adapter.out.processor;

/**
 * The processor refused a request with a client error this adapter does not expect: a bug on one side or the
 * other, which retrying or opening the circuit would not cure.
 */
class ProcessorRefusedRequestException extends IllegalStateException {

    ProcessorRefusedRequestException(int status) {
        super("the processor refused the request with " + status);
    }
}
