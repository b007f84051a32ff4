package dev.orderflow.order.adapter.in.web;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.order.port.in.GetOrderUseCase;
import dev.orderflow.order.port.in.PlaceOrderUseCase;
import dev.orderflow.order.port.in.PlacedOrder;
import dev.orderflow.shared.OrderId;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The gateway's public API. Rejections and failures leave through {@link OrderProblemHandler}. */
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

    @Operation(summary = "Place an order", description = "Stores the order, reserves its stock, answers the outcome."
            + " 201 for a new order, 200 for a replay of the same Idempotency-Key and body.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(
                            "{\"product_id\":\"widget-1\",\"quantity\":2,\"customer_id\":\"c-1\"}"))))
    @PostMapping(path = {"/orders", "/orders/"}, produces = "application/json")
    public Mono<ResponseEntity<OrderResponse>> place(
            @RequestBody(required = false) String body,
            @RequestHeader(name = PlaceOrderRequest.IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return Mono.fromCallable(() -> PlaceOrderRequest.parse(body, idempotencyKey))
                .flatMap(placeOrder::place)
                .map(this::answer)
                .doOnError(metrics::failed);
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

    private ResponseEntity<OrderResponse> answer(PlacedOrder placed) {
        Order order = placed.order();
        metrics.placed(placed);
        if (order.status() == OrderStatus.REJECTED) {
            throw new OrderRejectedException(order);
        }
        if (placed.replayed()) {
            return ResponseEntity.ok(OrderResponse.of(order));
        }
        return ResponseEntity.created(URI.create("/orders/" + order.orderId().value())).body(OrderResponse.of(order));
    }

    /** {@code orderflow.orders} by outcome (design.md). */
    private record OrderMetrics(MeterRegistry meters) {

        void placed(PlacedOrder placed) {
            Order order = placed.order();
            String outcome = placed.replayed() ? "replayed"
                    : order.status() == OrderStatus.CONFIRMED ? "confirmed"
                    : order.rejectionReason().name().toLowerCase(Locale.ROOT);
            count(outcome);
        }

        /** Rejections were counted by {@link #placed} already. */
        void failed(Throwable error) {
            if (!(error instanceof OrderRejectedException)) {
                count(OrderProblemHandler.outcomeOf(error));
            }
        }

        private void count(String outcome) {
            meters.counter("orderflow.orders", "outcome", outcome).increment();
        }
    }
}
