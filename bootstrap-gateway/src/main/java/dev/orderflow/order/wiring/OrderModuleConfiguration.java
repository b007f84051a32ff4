package dev.orderflow.order.wiring;

import dev.orderflow.order.adapter.in.web.OrderController;
import dev.orderflow.order.adapter.in.web.OrderProblemHandler;
import dev.orderflow.order.adapter.out.dynamodb.DynamoDbOrderRepository;
import dev.orderflow.order.adapter.out.dynamodb.OrderTable;
import dev.orderflow.order.application.GetOrderService;
import dev.orderflow.order.application.PlaceOrderService;
import dev.orderflow.order.application.ResolvePendingOrdersService;
import dev.orderflow.order.port.in.ResolvePendingOrdersUseCase;
import dev.orderflow.order.port.out.OrderRepository;
import dev.orderflow.order.port.out.StockReservations;
import dev.orderflow.platform.dynamodb.DynamoDbCalls;
import dev.orderflow.platform.dynamodb.DynamoDbProperties;
import dev.orderflow.platform.dynamodb.DynamoDbTablesHealthIndicator;
import dev.orderflow.platform.dynamodb.TableNames;
import dev.orderflow.platform.web.AdmissionControlFilter;
import dev.orderflow.platform.web.AdmissionProperties;
import dev.orderflow.platform.web.HealthController;
import dev.orderflow.platform.web.ProblemWriter;
import dev.orderflow.platform.web.WebErrorConfiguration;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** The order module as the gateway runs it; how it reaches the inventory is one of the two imported choices. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DynamoDbProperties.class, TableNames.class, GatewayProperties.class,
        RecoveryProperties.class, AdmissionProperties.class})
@Import({WebErrorConfiguration.class, RemoteInventoryConfiguration.class})
public class OrderModuleConfiguration {

    @Bean
    DynamoDbOrderRepository orderRepository(DynamoDbEnhancedAsyncClient dynamoDb, TableNames tables,
                                            DynamoDbCalls calls) {
        return new DynamoDbOrderRepository(dynamoDb, tables.orders(), calls);
    }

    @Bean
    PlaceOrderService placeOrderService(OrderRepository orders, StockReservations reservations,
                                        RecoveryProperties recovery, Clock clock, MeterRegistry meters) {
        PlaceOrderService service = new PlaceOrderService(orders, reservations, recovery.policy(), clock);
        Gauge.builder("orderflow.orders.background.creates", service, PlaceOrderService::backgroundCreates)
                .description("Orders answered 202 whose create is still being tried in the background")
                .register(meters);
        FunctionCounter.builder("orderflow.orders.background.creates.abandoned", service,
                        PlaceOrderService::abandonedCreates)
                .description("Orders answered 202 whose background create gave up: they do not exist")
                .register(meters);
        return service;
    }

    @Bean
    GetOrderService getOrderService(OrderRepository orders) {
        return new GetOrderService(orders);
    }

    @Bean
    ResolvePendingOrdersService resolvePendingOrdersService(OrderRepository orders, StockReservations reservations,
                                                            RecoveryProperties recovery, Clock clock) {
        return new ResolvePendingOrdersService(orders, reservations, recovery.policy(), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "orderflow.recovery.enabled", havingValue = "true", matchIfMissing = true)
    RecoveryScheduler recoveryScheduler(ResolvePendingOrdersUseCase recovery, RecoveryProperties properties,
                                        MeterRegistry meters) {
        return new RecoveryScheduler(recovery, properties.interval(), meters);
    }

    @Bean
    OrderController orderController(PlaceOrderService placeOrder, GetOrderService getOrder, MeterRegistry meters) {
        return new OrderController(placeOrder, getOrder, meters);
    }

    @Bean
    OrderProblemHandler orderProblemHandler() {
        return new OrderProblemHandler();
    }

    /** Orders beyond what the gateway can place in time are refused at the door, before anything is stored. */
    @Bean
    AdmissionControlFilter orderAdmission(AdmissionProperties admission, ProblemWriter problems, MeterRegistry meters) {
        return admission.filterFor(Set.of("/orders", "/orders/"), problems, meters);
    }

    @Bean
    DynamoDbTablesHealthIndicator ordersTableHealthIndicator(DynamoDbAsyncClient client, TableNames tables) {
        return new DynamoDbTablesHealthIndicator(client, List.of(tables.orders()));
    }

    /**
     * How this gateway reaches the inventory, in {@code /actuator/info}: an operator looking at a misrouted order
     * first wants to know whether the gateway runs as the monolith or which processor it calls.
     */
    @Bean
    InfoContributor inventoryModeInfo(GatewayProperties inventory) {
        return info -> info.withDetail("inventory", inventory.embedded()
                ? Map.of("mode", inventory.mode())
                : Map.of("mode", inventory.mode(), "processor",
                        inventory.srvDiscovery() ? "SRV " + inventory.srvEndpoint() : inventory.processorUrl().toString()));
    }

    /** {@code /health} of the gateway: its own table and the inventory, as the earlier service reported it. */
    @Bean
    HealthController gatewayHealthController(DynamoDbTablesHealthIndicator ordersTableHealthIndicator,
                                             InventoryProbe inventory) {
        return new HealthController(() -> Mono.zip(ordersTableHealthIndicator.isUp(), inventory.isUp())
                .map(both -> both.getT1() && both.getT2()));
    }

    /** The order module's tables as its adapters expect them: for the table bootstrap. */
    public static List<CreateTableRequest> tableDefinitions(TableNames tables) {
        return List.of(OrderTable.definition(tables.orders()));
    }

    /** Local runs and tests only: on AWS, Terraform owns the tables and this flag stays off. */
    @Bean
    InitializingBean ordersTableCreator(DynamoDbProperties properties, DynamoDbAsyncClient client,
                                        TableNames tables) {
        return () -> {
            if (properties.createTables()) {
                OrderTable.createIfMissing(client, tables.orders()).join();
            }
        };
    }
}
