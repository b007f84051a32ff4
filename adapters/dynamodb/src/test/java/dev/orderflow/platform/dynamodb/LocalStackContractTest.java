package dev.orderflow.platform.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.inventory.adapter.out.dynamodb.DynamoDbInventoryRepository;
import dev.orderflow.inventory.adapter.out.dynamodb.DynamoDbStockLedger;
import dev.orderflow.inventory.adapter.out.dynamodb.InventoryTables;
import dev.orderflow.inventory.port.out.InventoryRepository;
import dev.orderflow.inventory.port.out.InventoryRepositoryContract;
import dev.orderflow.inventory.port.out.StockLedger;
import dev.orderflow.inventory.port.out.StockLedgerContract;
import dev.orderflow.order.adapter.out.dynamodb.DynamoDbOrderRepository;
import dev.orderflow.order.adapter.out.dynamodb.OrderTable;
import dev.orderflow.order.port.out.OrderRepository;
import dev.orderflow.order.port.out.OrderRepositoryContract;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The same DynamoDB contracts against LocalStack in a container, for machines with a Docker engine (the GitHub
 * workflow has one). Without Docker, JUnit reports this class as skipped with the reason; DynamoDB Local covers
 * the contracts everywhere (ADR 0008).
 */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackContractTest {

    @Container
    private static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                    .withServices(LocalStackContainer.Service.DYNAMODB);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private DynamoDbTestClients clients;

    @BeforeAll
    void connect() {
        clients = DynamoDbTestClients.at(URI.create(LOCALSTACK.getEndpoint().toString()));
        InventoryTables.createIfMissing(clients.client(), "inventory", "reservations").join();
    }

    @AfterAll
    void disconnect() {
        clients.close();
    }

    @Test
    void givenLocalStack_whenTheTablesAreCreatedAgain_thenNothingFails() {
        InventoryTables.createIfMissing(clients.client(), "inventory", "reservations").join();
        assertThat(clients.client().listTables().join().tableNames()).contains("inventory", "reservations");
    }

    @Nested
    class Orders extends OrderRepositoryContract {

        @Override
        protected OrderRepository repository() {
            String table = "orders-" + UUID.randomUUID();
            OrderTable.createIfMissing(clients.client(), table).join();
            return new DynamoDbOrderRepository(clients.enhanced(), table, DynamoDbTestClients.calls(meters));
        }
    }

    @Nested
    class Inventory extends InventoryRepositoryContract {

        @Override
        protected InventoryRepository repository() {
            return new DynamoDbInventoryRepository(clients.enhanced(), "inventory", DynamoDbTestClients.calls(meters));
        }
    }

    @Nested
    class Ledger extends StockLedgerContract {

        @Override
        protected StockLedger ledger() {
            return new DynamoDbStockLedger(clients.enhanced(), clients.client(), "inventory", "reservations",
                    DynamoDbTestClients.calls(meters));
        }

        @Override
        protected InventoryRepository inventory() {
            return new DynamoDbInventoryRepository(clients.enhanced(), "inventory", DynamoDbTestClients.calls(meters));
        }
    }
}
