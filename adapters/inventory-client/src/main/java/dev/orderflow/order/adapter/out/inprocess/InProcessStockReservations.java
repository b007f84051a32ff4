package dev.orderflow.order.adapter.out.inprocess;

import dev.orderflow.inventory.FindReservationUseCase;
import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.inventory.ReserveStockUseCase;
import dev.orderflow.order.port.out.ReservationOutcomeUnknownException;
import dev.orderflow.order.port.out.ReservationsUnavailableException;
import dev.orderflow.order.port.out.StockReservations;
import dev.orderflow.platform.store.StoreOutcomeUnknownException;
import dev.orderflow.platform.store.StoreUnavailableException;
import dev.orderflow.shared.OrderId;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Monolith mode: the inventory module's published use cases called directly, with no network in between. Its
 * store's failures are reported in the port's terms, as over HTTP.
 */
public class InProcessStockReservations implements StockReservations {

    private final ReserveStockUseCase reserve;
    private final FindReservationUseCase find;

    public InProcessStockReservations(ReserveStockUseCase reserve, FindReservationUseCase find) {
        this.reserve = reserve;
        this.find = find;
    }

    @Override
    public Mono<ReservationResult> reserve(ReserveStockCommand command) {
        return reserve.reserve(command).onErrorMap(InProcessStockReservations::asPortFailure);
    }

    @Override
    public Mono<ReservationResult> withdraw(ReserveStockCommand command) {
        return reserve.withdraw(command).onErrorMap(InProcessStockReservations::asPortFailure);
    }

    @Override
    public Mono<ReservationResult> find(OrderId orderId) {
        return find.find(orderId).onErrorMap(InProcessStockReservations::asPortFailure);
    }

    @Override
    public Optional<Duration> knownUnavailableFor() {
        return Optional.empty();
    }

    /** The inventory's store failing, in the port's terms; anything else is a bug and stays what it is. */
    private static Throwable asPortFailure(Throwable failure) {
        if (failure instanceof StoreUnavailableException refused) {
            return new ReservationsUnavailableException("the inventory's store is unavailable", refused.retryAfter(),
                    failure);
        }
        if (failure instanceof StoreOutcomeUnknownException unknown) {
            return new ReservationOutcomeUnknownException("the inventory's store failed", unknown);
        }
        return failure;
    }
}
