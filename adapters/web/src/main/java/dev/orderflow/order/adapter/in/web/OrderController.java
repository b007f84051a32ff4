package dev.orderflow.order.adapter.in.web;

import dev.orderflow.order.port.in.GetOrderUseCase;
import dev.orderflow.order.port.in.PlaceOrderUseCase;
import dev.orderflow.shared.OrderId;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ProblemDetail;
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
                            "{\"product_id\":\"widget-1\",\"quantity\":2,\"customer_id\":\"c-1\"}"))),
            responses = {
                @ApiResponse(responseCode = "201", description = "Confirmed; Location names the order",
                        headers = @Header(name = "Location"), content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = OrderResponse.class))),
                @ApiResponse(responseCode = "200", description = "A replay of an earlier request with the same"
                        + " Idempotency-Key and body: that order, as it is now", content = @Content(
                                mediaType = "application/json", schema = @Schema(implementation = OrderResponse.class))),
                @ApiResponse(responseCode = "202", description = "Stored, not decided yet (status pending): follow"
                        + " Location until it is confirmed or rejected", headers = @Header(name = "Location"),
                        content = @Content(mediaType = "application/json",
                                schema = @Schema(implementation = OrderResponse.class))),
                @ApiResponse(responseCode = "400", description = "Invalid body or Idempotency-Key; nothing stored",
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(responseCode = "409", description = "Rejected: not enough stock"
                        + " (insufficient-stock), or the order expired before it was decided (order-expired)", content = @Content(
                                mediaType = "application/problem+json",
                                schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(responseCode = "413", description = "Body too large; nothing stored", content = @Content(
                        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(responseCode = "415", description = "Body not JSON; nothing stored", content = @Content(
                        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(responseCode = "422", description = "Rejected: unknown product, or"
                        + " the Idempotency-Key was used for another body (idempotency-key-reused)", content = @Content(
                        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(responseCode = "503", description = "Nothing stored (overloaded, inventory"
                        + " unavailable, or the order store did not take it): send it again after Retry-After",
                        headers = @Header(name = "Retry-After", description = "Seconds to wait"),
                        content = @Content(mediaType = "application/problem+json",
                                schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(responseCode = "500", description = "A bug; the outcome is unknown, read the order"
                        + " (or send the same Idempotency-Key) to learn it", content = @Content(
                                mediaType = "application/problem+json",
                                schema = @Schema(implementation = ProblemDetail.class)))})
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

    @Operation(summary = "Read an order", description = "Status is pending, confirmed or rejected.", responses = {
        @ApiResponse(responseCode = "200", description = "The order", content = @Content(
                mediaType = "application/json", schema = @Schema(implementation = OrderResponse.class))),
        @ApiResponse(responseCode = "404", description = "No such order", content = @Content(
                mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
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
