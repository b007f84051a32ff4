package dev.orderflow.order.adapter.out.processor;

import java.net.URI;
import reactor.core.publisher.Mono;

/** A fixed URL ({@code ORDER_PROCESSOR_URL}), e.g. a Kubernetes Service name that DNS keeps pointing right. */
public class FixedProcessorEndpoint implements ProcessorEndpoint {

    private final Mono<URI> baseUri;

    public FixedProcessorEndpoint(URI baseUri) {
        this.baseUri = Mono.just(baseUri);
    }

    @Override
    public Mono<URI> baseUri() {
        return baseUri;
    }
}
