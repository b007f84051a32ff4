package dev.orderflow.order.port.out;

import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.shared.OrderId;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * How the order module reaches the inventory, in-process or over the network. Calls fail with
 * {@link ReservationsUnavailableException} or {@link ReservationOutcomeUnknownException} when the inventory cannot
 * answer; the order module never sees how it is reached.
 */
public interface StockReservations {

    /** Reserves stock for an order; safe to repeat with the same order id. */
    Mono<ReservationResult> reserve(ReserveStockCommand command);

    /**
     * Gives an order up for good unless the inventory decided it already, atomically; safe to repeat.
     *
     * @return the decision that stands: {@link ReservationResult.Withdrawn}, or the earlier decision
     */
    Mono<ReservationResult> withdraw(ReserveStockCommand command);

    /** @return what the inventory decided for this order, or empty if it never decided */
    Mono<ReservationResult> find(OrderId orderId);

    /**
     * A local, instant check: if the inventory is known to be unavailable right now (for example an open
     * circuit breaker), how long until it is worth trying again. Lets the gateway refuse an order before
     * storing it.
     */
    Optional<Duration> knownUnavailableFor();
}
