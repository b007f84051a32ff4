package dev.orderflow.inventory.port.out;

import dev.orderflow.inventory.domain.Reservation;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.OrderId;
import reactor.core.publisher.Mono;

/**
 * Where reservations are recorded together with the stock they take. Every change is atomic and conditional
 * in the store itself, so concurrent callers can never take stock below zero or record an order twice.
 */
public interface StockLedger {

    Mono<Reservation> find(OrderId orderId);

    /**
     * In one atomic step: takes the reserved quantity off the product's stock, if the stock is at least that
     * and the unit price is still {@code unitPrice}, and records the reservation, if none exists for its order.
     */
    Mono<CommitOutcome> commit(Reservation reserved, Money unitPrice);

    /** Records a rejection unless the order already has a reservation; touches no stock. */
    Mono<CommitOutcome> recordRejection(Reservation rejected);

    enum CommitOutcome {
        COMMITTED,
        /** The order already had a reservation (a concurrent or earlier request); nothing changed. */
        ALREADY_RECORDED,
        /** Stock or price changed since they were read; nothing changed, decide again. */
        STOCK_CHANGED
    }
}
