package dev.orderflow.testing;

import dev.orderflow.inventory.domain.InventoryItem;
import dev.orderflow.inventory.domain.Reservation;
import dev.orderflow.inventory.port.out.InventoryRepository;
import dev.orderflow.inventory.port.out.StockLedger;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.ProductId;
import java.util.HashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Inventory and reservations in memory. One lock makes each commit atomic across both maps, as a DynamoDB
 * transaction is across both tables.
 */
public class InMemoryInventory implements InventoryRepository, StockLedger {

    private final Map<ProductId, InventoryItem> items = new HashMap<>();
    private final Map<OrderId, Reservation> reservations = new HashMap<>();

    @Override
    public Mono<InventoryItem> find(ProductId productId) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                return items.get(productId);
            }
        });
    }

    @Override
    public Mono<InventoryItem> save(InventoryItem item) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                items.put(item.productId(), item);
                return item;
            }
        });
    }

    @Override
    public Mono<Reservation> find(OrderId orderId) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                return reservations.get(orderId);
            }
        });
    }

    @Override
    public Mono<CommitOutcome> commit(Reservation reserved, Money unitPrice) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                // Checked before the stock, as DynamoDB reports it: a decided order must not be decided again.
                if (reservations.containsKey(reserved.orderId())) {
                    return CommitOutcome.ALREADY_RECORDED;
                }
                InventoryItem item = items.get(reserved.productId());
                long quantity = reserved.quantity().value();
                if (item == null || item.stock() < quantity || !item.price().equals(unitPrice)) {
                    return CommitOutcome.STOCK_CHANGED;
                }
                items.put(item.productId(),
                        new InventoryItem(item.productId(), item.stock() - quantity, item.price(), item.name()));
                reservations.put(reserved.orderId(), reserved);
                return CommitOutcome.COMMITTED;
            }
        });
    }

    @Override
    public Mono<CommitOutcome> recordRejection(Reservation rejected) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                return reservations.putIfAbsent(rejected.orderId(), rejected) == null
                        ? CommitOutcome.COMMITTED
                        : CommitOutcome.ALREADY_RECORDED;
            }
        });
    }

    public synchronized long stockOf(ProductId productId) {
        return items.get(productId).stock();
    }

    public synchronized int reservationCount() {
        return reservations.size();
    }
}
