package dev.orderflow.inventory.port.out;

import dev.orderflow.testing.InMemoryInventory;
import org.junit.jupiter.api.Nested;

class InMemoryInventoryContractTest {

    @Nested
    class AsInventoryRepository extends InventoryRepositoryContract {

        @Override
        protected InventoryRepository repository() {
            return new InMemoryInventory();
        }
    }

    @Nested
    class AsStockLedger extends StockLedgerContract {

        private final InMemoryInventory store = new InMemoryInventory();

        @Override
        protected StockLedger ledger() {
            return store;
        }

        @Override
        protected InventoryRepository inventory() {
            return store;
        }
    }
}
