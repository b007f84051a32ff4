package dev.orderflow.order.adapter.in.web;

import dev.orderflow.order.port.in.GetOrderUseCase;
import dev.orderflow.order.port.in.PlaceOrderUseCase;
import dev.orderflow.shared.OrderId;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The gateway's public API. Every outcome of placing an order is a value (PlaceOrderAnswer); bad input and failures leave through {@link OrderProblemHandler}. */
@RestController
public class OrderController {

    private final PlaceOrderUseCase placeOrder;
    private final GetOrderUseCase getOrder;
    private final OrderMetrics metrics;

    public OrderController(PlaceOrderUseCase placeOrder, GetOrderUseCase getOrder, MeterRegistry meters) {
        this.placeOrder = placeOrder;
        this.getOrder = getOrder;
        this.metrics = new OrderMetrics(meters);
    }

    @Operation(summary = "Place an order", description = "Stores the order, reserves its stock, answers the outcome:"
            + " 201 confirmed (200 for a replay of the same Idempotency-Key and body); 409 or 422 rejected;"
            + " 202 stored and decided later (follow Location); 503 nothing stored, send it again after Retry-After.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(
                            "{\"product_id\":\"widget-1\",\"quantity\":2,\"customer_id\":\"c-1\"}"))))
    @PostMapping(path = {"/orders", "/orders/"}, produces = "application/json")
    public Mono<ResponseEntity<?>> place(
            @RequestBody(required = false) String body,
            @RequestHeader(name = PlaceOrderRequest.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return Mono.fromCallable(() -> PlaceOrderRequest.parse(body, idempotencyKey))
                .flatMap(placeOrder::place)
                .map(result -> PlaceOrderAnswer.of(result, path))
                .doOnNext(answer -> metrics.count(answer.outcome()))
                .<ResponseEntity<?>>map(PlaceOrderAnswer::response)
                .doOnError(error -> metrics.count(OrderProblemHandler.outcomeOf(error)));
    }

    @Operation(summary = "Read an order", description = "Status is pending, confirmed or rejected.")
    @GetMapping(path = "/orders/{orderId}", produces = "application/json")
    public Mono<ResponseEntity<OrderResponse>> get(@PathVariable String orderId) {
        return Mono.fromCallable(() -> new OrderId(orderId))
                .onErrorMap(IllegalArgumentException.class, e -> new OrderNotFoundException())
                .flatMap(getOrder::get)
                .switchIfEmpty(Mono.error(OrderNotFoundException::new))
                .map(order -> ResponseEntity.ok(OrderResponse.of(order)));
    }

    /** {@code orderflow.orders} by outcome (docs/design.md). */
    private record OrderMetrics(MeterRegistry meters) {

        void count(String outcome) {
            meters.counter("orderflow.orders", "outcome", outcome).increment();
        }
    }
}
