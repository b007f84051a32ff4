package dev.orderflow.order.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.orderflow.order.port.out.OrderRepository;
import dev.orderflow.order.port.out.OrderRepositoryContract;
import dev.orderflow.platform.dynamodb.DynamoDbCalls;
import dev.orderflow.platform.dynamodb.DynamoDbTestClients;
import dev.orderflow.shared.OrderId;
import dev.orderflow.testsupport.DynamoDbLocal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order repository contract against DynamoDB Local, the real AWS engine. */
class DynamoDbOrderRepositoryContractTest extends OrderRepositoryContract {

    private static DynamoDbLocal dynamoDb;
    private static DynamoDbTestClients clients;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void startDynamoDb() {
        dynamoDb = DynamoDbLocal.start();
        clients = DynamoDbTestClients.at(dynamoDb.endpoint());
    }

    @AfterAll
    static void stopDynamoDb() {
        clients.close();
        dynamoDb.close();
    }

    /** A table of its own per test: the pending-orders query must see only this test's orders. */
    @Override
    protected OrderRepository repository() {
        String table = "orders-" + UUID.randomUUID();
        OrderTable.createIfMissing(clients.client(), table).join();
        return new DynamoDbOrderRepository(clients.enhanced(), table, DynamoDbTestClients.calls(meters));
    }

    @Test
    void givenATableThatExists_whenCreatedAgain_thenNothingFails() {
        OrderTable.createIfMissing(clients.client(), "orders-twice").join();

        assertThatCode(() -> OrderTable.createIfMissing(clients.client(), "orders-twice").join())
                .doesNotThrowAnyException();
    }

    @Test
    void givenACall_whenItCompletes_thenItIsTimedPerOperationTableAndOutcome() {
        OrderTable.createIfMissing(clients.client(), "orders").join();
        new DynamoDbOrderRepository(clients.enhanced(), "orders", DynamoDbTestClients.calls(meters))
                .find(new OrderId("timed")).block();

        assertThat(meters.get("orderflow.dynamodb.operation").tag("operation", "GetItem").tag("table", "orders")
                .tag("outcome", "success").timer().count()).isEqualTo(1);
    }
}
