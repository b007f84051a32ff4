package dev.orderflow.testing;

import dev.orderflow.inventory.FindReservationUseCase;
import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.inventory.ReserveStockUseCase;
import dev.orderflow.order.port.out.ReservationOutcomeUnknownException;
import dev.orderflow.order.port.out.ReservationsUnavailableException;
import dev.orderflow.order.port.out.StockReservations;
import dev.orderflow.shared.OrderId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * The real inventory use cases reached in-process, with switches that make the connection between the modules
 * fail the ways a network does: before the call, or after the inventory already decided.
 */
public class FaultableStockReservations implements StockReservations {

    public enum Fault {
        NONE, KNOWN_UNAVAILABLE, UNAVAILABLE, TIMEOUT_BEFORE_DECIDING, TIMEOUT_AFTER_DECIDING,
        /** A programming error, which no caller may take for a failure of the inventory. */
        BUG
    }

    private final ReserveStockUseCase reserve;
    private final FindReservationUseCase find;
    private volatile Fault fault = Fault.NONE;
    private final AtomicInteger reserveCalls = new AtomicInteger();

    public FaultableStockReservations(ReserveStockUseCase reserve, FindReservationUseCase find) {
        this.reserve = reserve;
        this.find = find;
    }

    public void fail(Fault newFault) {
        this.fault = newFault;
    }

    public int reserveCalls() {
        return reserveCalls.get();
    }

    @Override
    public Mono<ReservationResult> reserve(ReserveStockCommand command) {
        return Mono.defer(() -> {
            reserveCalls.incrementAndGet();
            return switch (fault) {
                case NONE -> reserve.reserve(command);
                case KNOWN_UNAVAILABLE, UNAVAILABLE -> Mono.error(unavailable());
                case TIMEOUT_BEFORE_DECIDING -> Mono.error(timeout());
                case TIMEOUT_AFTER_DECIDING -> reserve.reserve(command).then(Mono.error(timeout()));
                case BUG -> Mono.error(new IllegalStateException("test bug"));
            };
        });
    }

    @Override
    public Mono<ReservationResult> withdraw(ReserveStockCommand command) {
        return Mono.defer(() -> fault == Fault.NONE ? reserve.withdraw(command) : Mono.error(unavailable()));
    }

    @Override
    public Mono<ReservationResult> find(OrderId orderId) {
        return Mono.defer(() -> fault == Fault.NONE ? find.find(orderId) : Mono.error(unavailable()));
    }

    @Override
    public Optional<Duration> knownUnavailableFor() {
        return fault == Fault.KNOWN_UNAVAILABLE ? Optional.of(Duration.ofSeconds(7)) : Optional.empty();
    }

    private static ReservationsUnavailableException unavailable() {
        return new ReservationsUnavailableException("inventory down (test fault)", Duration.ofSeconds(3), null);
    }

    private static ReservationOutcomeUnknownException timeout() {
        return new ReservationOutcomeUnknownException("inventory too slow (test fault)", null);
    }
}
