package dev.orderflow.inventory.adapter.in.web;

import dev.orderflow.inventory.FindReservationUseCase;
import dev.orderflow.inventory.ReserveStockUseCase;
import dev.orderflow.shared.OrderId;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The processor's API for the gateway: reserve stock for an order, tell what was decided for one. */
@RestController
public class ProcessorController {

    private final ReserveStockUseCase reserveStock;
    private final FindReservationUseCase findReservation;
    private final MeterRegistry meters;

    public ProcessorController(ReserveStockUseCase reserveStock, FindReservationUseCase findReservation,
                               MeterRegistry meters) {
        this.reserveStock = reserveStock;
        this.findReservation = findReservation;
        this.meters = meters;
    }

    @Operation(summary = "Reserve stock for an order",
            description = "Idempotent by order_id: a repeat answers the first result and reserves nothing more.")
    @PostMapping(path = "/process-order", produces = "application/json")
    public Mono<ResponseEntity<?>> reserve(@RequestBody(required = false) String body, ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return Mono.fromCallable(() -> ReserveStockRequest.parse(body))
                .flatMap(command -> reserveStock.reserve(command)
                        .doOnNext(result -> count(ReservationAnswer.outcome(result)))
                        .<ResponseEntity<?>>map(result -> ReservationAnswer.reservation(command.orderId(), result,
                                path)))
                .doOnError(error -> count(InventoryProblemHandler.outcomeOf(error)));
    }

    @Operation(summary = "Give an undecided order up",
            description = "Records that the order will never be reserved, unless it was decided already; answers "
                    + "the decision that stands (200), the withdrawal being a rejection with reason `expired`. The "
                    + "gateway's recovery step calls it for orders pending too long, so that a late reservation "
                    + "and the expiry cannot both happen.")
    @PostMapping(path = "/withdraw-order", produces = "application/json")
    public Mono<ResponseEntity<ReservationResponse>> withdraw(@RequestBody(required = false) String body) {
        return Mono.fromCallable(() -> ReserveStockRequest.parse(body))
                .flatMap(command -> reserveStock.withdraw(command)
                        .map(result -> ResponseEntity.ok(ReservationAnswer.decision(command.orderId(), result))));
    }

    @Operation(summary = "What was decided for an order", description = "404 if the processor never saw it.")
    @GetMapping(path = "/reservations/{orderId}", produces = "application/json")
    public Mono<ResponseEntity<ReservationResponse>> find(@PathVariable String orderId) {
        return Mono.fromCallable(() -> new OrderId(orderId))
                .onErrorMap(IllegalArgumentException.class, e -> new NotFoundException("reservation"))
                .flatMap(id -> findReservation.find(id).map(result -> ReservationAnswer.decision(id, result)))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("reservation")))
                .map(ResponseEntity::ok);
    }

    /** {@code orderflow.reservations} by outcome (docs/design.md). */
    private void count(String outcome) {
        meters.counter("orderflow.reservations", "outcome", outcome).increment();
    }
}
