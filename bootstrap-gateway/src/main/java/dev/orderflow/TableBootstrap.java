package dev.orderflow;

import dev.orderflow.inventory.wiring.InventoryCoreConfiguration;
import dev.orderflow.order.wiring.OrderModuleConfiguration;
import dev.orderflow.platform.dynamodb.DynamoDbClientConfiguration;
import dev.orderflow.platform.dynamodb.DynamoDbProperties;
import dev.orderflow.platform.dynamodb.TableNames;
import dev.orderflow.platform.dynamodb.Tables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * {@code create-tables}: waits for DynamoDB, creates the three tables unless they exist, and exits. This is how a
 * Kubernetes Job or a compose service prepares a DynamoDB Local from the gateway image, with the table definitions
 * the code itself uses (each module's configuration names them) and the same environment variables as the services
 * (DYNAMODB_ENDPOINT, AWS_REGION, ORDERS_TABLE, INVENTORY_TABLE, RESERVATIONS_TABLE). Never run against AWS, where
 * Terraform owns the tables.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DynamoDbProperties.class, TableNames.class})
public class TableBootstrap {

    public static final String COMMAND = "create-tables";

    private static final Logger log = LoggerFactory.getLogger(TableBootstrap.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    /**
     * @param args Spring Boot arguments, such as {@code --orderflow.table-bootstrap.timeout=30s} (default 120 s)
     * @return the process exit code: 0 when every table exists and is active, 1 when DynamoDB did not answer in time,
     *         2 without an endpoint
     */
    public static int run(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TableBootstrap.class)
                .web(WebApplicationType.NONE)
                .run(args)) {
            DynamoDbProperties dynamoDb = context.getBean(DynamoDbProperties.class);
            if (!dynamoDb.local()) {
                // Without an endpoint the SDK would reach the real region with whatever credentials it finds, and
                // create tables Terraform neither knows nor sizes.
                log.error("create-tables runs only against an endpoint (DYNAMODB_ENDPOINT); on AWS, Terraform owns "
                        + "the tables");
                return 2;
            }
            TableNames names = context.getBean(TableNames.class);
            Duration timeout = context.getEnvironment()
                    .getProperty("orderflow.table-bootstrap.timeout", Duration.class, Duration.ofSeconds(120));
            try (DynamoDbAsyncClient client = DynamoDbClientConfiguration.client(dynamoDb)) {
                return createAll(client, definitions(names), Instant.now().plus(timeout));
            }
        }
    }

    static List<CreateTableRequest> definitions(TableNames names) {
        List<CreateTableRequest> tables = new ArrayList<>(OrderModuleConfiguration.tableDefinitions(names));
        tables.addAll(InventoryCoreConfiguration.tableDefinitions(names));
        return tables;
    }

    /** DynamoDB Local may still be starting when the Job starts: each table is tried until the deadline. */
    private static int createAll(DynamoDbAsyncClient client, List<CreateTableRequest> tables, Instant deadline) {
        for (CreateTableRequest table : tables) {
            while (true) {
                try {
                    Tables.createIfMissing(client, table).join();
                    log.info("table {} is ready", table.tableName());
                    break;
                } catch (RuntimeException e) {
                    if (Instant.now().isAfter(deadline)) {
                        log.error("table {} could not be created before the deadline", table.tableName(), e);
                        return 1;
                    }
                    log.info("DynamoDB not ready for table {} yet ({}); trying again", table.tableName(),
                            rootMessage(e));
                    sleep(RETRY_PAUSE);
                }
            }
        }
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for DynamoDB", e);
        }
    }
}
