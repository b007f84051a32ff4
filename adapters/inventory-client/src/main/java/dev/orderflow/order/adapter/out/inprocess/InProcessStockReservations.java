package dev.orderflow.order.adapter.out.inprocess;

import dev.orderflow.inventory.FindReservationUseCase;
import dev.orderflow.inventory.ReservationConflictException;
import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.inventory.ReserveStockUseCase;
import dev.orderflow.order.port.out.ReservationsUnavailableException;
import dev.orderflow.order.port.out.StockReservations;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.StoreUnavailableException;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Monolith mode: the inventory module's published use cases called directly, with no network in between. Its
 * failures are infrastructure failures (DynamoDB), reported as the inventory being unavailable, as over HTTP.
 */
public class InProcessStockReservations implements StockReservations {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final ReserveStockUseCase reserve;
    private final FindReservationUseCase find;

    public InProcessStockReservations(ReserveStockUseCase reserve, FindReservationUseCase find) {
        this.reserve = reserve;
        this.find = find;
    }

    @Override
    public Mono<ReservationResult> reserve(ReserveStockCommand command) {
        return reserve.reserve(command).onErrorMap(InProcessStockReservations::isInfrastructure,
                InProcessStockReservations::unavailable);
    }

    @Override
    public Mono<ReservationResult> withdraw(ReserveStockCommand command) {
        return reserve.withdraw(command).onErrorMap(InProcessStockReservations::isInfrastructure,
                InProcessStockReservations::unavailable);
    }

    @Override
    public Mono<ReservationResult> find(OrderId orderId) {
        return find.find(orderId).onErrorMap(InProcessStockReservations::isInfrastructure,
                InProcessStockReservations::unavailable);
    }

    @Override
    public Optional<Duration> knownUnavailableFor() {
        return Optional.empty();
    }

    private static boolean isInfrastructure(Throwable failure) {
        return !(failure instanceof ReservationConflictException || failure instanceof IllegalArgumentException);
    }

    private static Throwable unavailable(Throwable failure) {
        Duration retryAfter = failure instanceof StoreUnavailableException refused ? refused.retryAfter() : RETRY_AFTER;
        return new ReservationsUnavailableException("the inventory failed", retryAfter, failure);
    }
}
