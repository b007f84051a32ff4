package dev.orderflow.inventory.wiring;

import dev.orderflow.inventory.adapter.out.dynamodb.DynamoDbInventoryRepository;
import dev.orderflow.inventory.adapter.out.dynamodb.DynamoDbStockLedger;
import dev.orderflow.inventory.adapter.out.dynamodb.InventoryTables;
import dev.orderflow.inventory.application.InventoryService;
import dev.orderflow.inventory.application.ReserveStockService;
import dev.orderflow.inventory.port.out.InventoryRepository;
import dev.orderflow.inventory.port.out.StockLedger;
import dev.orderflow.platform.dynamodb.DynamoDbProperties;
import dev.orderflow.platform.dynamodb.DynamoDbTablesHealthIndicator;
import dev.orderflow.platform.dynamodb.TableNames;
import dev.orderflow.platform.dynamodb.DynamoDbCalls;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * The inventory module's use cases on DynamoDB. The processor runs it; the gateway runs it too in monolith
 * mode, which is why it is shared and holds nothing about how the module is reached.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DynamoDbProperties.class, TableNames.class})
public class InventoryCoreConfiguration {

    @Bean
    DynamoDbInventoryRepository inventoryRepository(DynamoDbEnhancedAsyncClient dynamoDb, TableNames tables,
                                                    DynamoDbCalls calls) {
        return new DynamoDbInventoryRepository(dynamoDb, tables.inventory(), calls);
    }

    @Bean
    DynamoDbStockLedger stockLedger(DynamoDbEnhancedAsyncClient dynamoDb, DynamoDbAsyncClient client, TableNames tables,
                                    DynamoDbCalls calls) {
        return new DynamoDbStockLedger(dynamoDb, client, tables.inventory(), tables.reservations(), calls);
    }

    @Bean
    ReserveStockService reserveStockService(InventoryRepository inventory, StockLedger ledger, Clock clock) {
        return new ReserveStockService(inventory, ledger, clock);
    }

    @Bean
    InventoryService inventoryService(InventoryRepository inventory) {
        return new InventoryService(inventory);
    }

    @Bean
    DynamoDbTablesHealthIndicator inventoryTablesHealthIndicator(DynamoDbAsyncClient client, TableNames tables) {
        return new DynamoDbTablesHealthIndicator(client, List.of(tables.inventory(), tables.reservations()));
    }

    /** The inventory module's tables as its adapters expect them: for the table bootstrap. */
    public static List<CreateTableRequest> tableDefinitions(TableNames tables) {
        return InventoryTables.definitions(tables.inventory(), tables.reservations());
    }

    /** Local runs and tests only: on AWS, Terraform owns the tables and this flag stays off. */
    @Bean
    InitializingBean inventoryTablesCreator(DynamoDbProperties properties, DynamoDbAsyncClient client,
                                            TableNames tables) {
        return () -> {
            if (properties.createTables()) {
                InventoryTables.createIfMissing(client, tables.inventory(), tables.reservations()).join();
            }
        };
    }
}
