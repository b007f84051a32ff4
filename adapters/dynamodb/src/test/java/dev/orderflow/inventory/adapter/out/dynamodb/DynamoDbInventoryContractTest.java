package dev.orderflow.inventory.adapter.out.dynamodb;

import dev.orderflow.inventory.port.out.InventoryRepository;
import dev.orderflow.inventory.port.out.InventoryRepositoryContract;
import dev.orderflow.inventory.port.out.StockLedger;
import dev.orderflow.inventory.port.out.StockLedgerContract;
import dev.orderflow.platform.dynamodb.DynamoDbCalls;
import dev.orderflow.platform.dynamodb.DynamoDbTestClients;
import dev.orderflow.testsupport.DynamoDbLocal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** The inventory and stock ledger contracts against DynamoDB Local, the real AWS engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbInventoryContractTest {

    private DynamoDbLocal dynamoDb;
    private DynamoDbTestClients clients;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    void startDynamoDb() {
        dynamoDb = DynamoDbLocal.start();
        clients = DynamoDbTestClients.at(dynamoDb.endpoint());
        InventoryTables.createIfMissing(clients.client(), "inventory", "reservations").join();
    }

    @AfterAll
    void stopDynamoDb() {
        clients.close();
        dynamoDb.close();
    }

    private DynamoDbInventoryRepository inventoryRepository() {
        return new DynamoDbInventoryRepository(clients.enhanced(), "inventory", DynamoDbTestClients.calls(meters));
    }

    @Nested
    class AsInventoryRepository extends InventoryRepositoryContract {

        @Override
        protected InventoryRepository repository() {
            return inventoryRepository();
        }
    }

    @Nested
    class AsStockLedger extends StockLedgerContract {

        @Override
        protected StockLedger ledger() {
            return new DynamoDbStockLedger(clients.enhanced(), clients.client(), "inventory", "reservations",
                    DynamoDbTestClients.calls(meters));
        }

        @Override
        protected InventoryRepository inventory() {
            return inventoryRepository();
        }
    }
}
