package dev.orderflow.order.adapter.out.processor;

import java.net.URI;
import reactor.core.publisher.Mono;

/** Where the processor listens right now; resolved per call so that a moved task is found again. */
public interface ProcessorEndpoint {

    Mono<URI> baseUri();
}
