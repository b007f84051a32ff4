package dev.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.e2e.OrderLoad.Outcome;
import dev.orderflow.e2e.OrderflowSystem.Mode;
import dev.orderflow.testsupport.DynamoDbFaultProxy;
import dev.orderflow.testsupport.DynamoDbLocal;
import dev.orderflow.testsupport.FreePorts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Load through the gateway while something breaks for real: a killed process, a slow or failing network, a
 * database restart, a throttling database. Afterwards docs/design.md's invariants must hold, and what the clients saw
 * must have been clear and true.
 */
class FaultInjectionIT {

    private static final long INITIAL_STOCK = 1_000_000;
    private static final int CLIENTS = 4;
    private static final Duration SETTLE = Duration.ofSeconds(60);

    /**
     * The production deadlines (application.yml) instead of the DynamoDB Local-sized ones of the other suites: how
     * fast a fault is answered is what these scenarios measure. The steady load here is light enough for them.
     */
    private static final Map<String, String> PRODUCTION_TIMEOUTS = Map.of(
            "ORDERFLOW_INVENTORY_ATTEMPTTIMEOUT", "800ms",
            "ORDERFLOW_DYNAMODB_APICALLATTEMPTTIMEOUT", "700ms");

    @TempDir
    Path data;

    @Test
    void processorKilledUnderLoadAndRestarted() {
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.start();
             OrderflowSystem system = OrderflowSystem.start(Mode.SPLIT, dynamoDb, "fault-kill-processor",
                     PRODUCTION_TIMEOUTS)) {
            String product = stockedProduct(system);
            List<Outcome> outcomes;
            Instant restarted;
            try (OrderLoad load = new OrderLoad(gateway(system), product, CLIENTS)) {
                sleep(Duration.ofSeconds(3));
                system.processor.kill();
                sleep(Duration.ofSeconds(15));
                system.processor.start(OrderflowSystem.START_TIMEOUT);
                restarted = Instant.now();
                int before = load.outcomes().size();
                await().atMost(Duration.ofSeconds(30)).until(() -> load.outcomes().stream().skip(before)
                        .anyMatch(outcome -> outcome.status() == 201));
                System.out.printf("processor killed: orders succeed again %d ms after the restart%n",
                        Duration.between(restarted, Instant.now()).toMillis());
                sleep(Duration.ofSeconds(2));
                outcomes = load.outcomes();
            }
            report("processor killed and restarted", outcomes);
            Invariants.errorsWereClear(outcomes);
            assertThat(Invariants.errors(outcomes)).as("the outage was seen").isNotEmpty();
            assertThat(Invariants.p99(Invariants.errors(outcomes))).isLessThan(Duration.ofSeconds(1));
            try (Tables tables = new Tables(dynamoDb)) {
                Invariants.holdAfterFault(tables, system.processorApi(), product, INITIAL_STOCK, outcomes, SETTLE);
            }
        }
    }

    @Test
    void processorSlowBehindALatencyProxy() {
        withProxy("fault-slow", (system, proxy, dynamoDb) -> {
            String product = stockedProduct(system);
            List<Outcome> outcomes;
            try (OrderLoad load = new OrderLoad(gateway(system), product, CLIENTS)) {
                sleep(Duration.ofSeconds(2));
                proxy.slow(Duration.ofMillis(1500));
                sleep(Duration.ofSeconds(8));
                proxy.pass();
                sleep(Duration.ofSeconds(8));
                outcomes = load.outcomes();
            }
            report("processor slow (1.5 s per chunk) for 8 s", outcomes);
            Invariants.errorsWereClear(outcomes);
            try (Tables tables = new Tables(dynamoDb)) {
                Invariants.holdAfterFault(tables, system.processorApi(), product, INITIAL_STOCK, outcomes, SETTLE);
            }
        });
    }

    @Test
    void processorAnswering500sThenResettingConnections() {
        withProxy("fault-errors", (system, proxy, dynamoDb) -> {
            String product = stockedProduct(system);
            List<Outcome> outcomes;
            try (OrderLoad load = new OrderLoad(gateway(system), product, CLIENTS)) {
                sleep(Duration.ofSeconds(2));
                proxy.failWith500();
                sleep(Duration.ofSeconds(5));
                proxy.reset();
                sleep(Duration.ofSeconds(5));
                proxy.pass();
                int before = load.outcomes().size();
                await().atMost(Duration.ofSeconds(30)).until(() -> load.outcomes().stream().skip(before)
                        .anyMatch(outcome -> outcome.status() == 201));
                outcomes = load.outcomes();
            }
            report("processor answering 500, then resetting connections", outcomes);
            Invariants.errorsWereClear(outcomes);
            assertThat(Invariants.p99(Invariants.errors(outcomes))).isLessThan(Duration.ofSeconds(1));
            try (Tables tables = new Tables(dynamoDb)) {
                Invariants.holdAfterFault(tables, system.processorApi(), product, INITIAL_STOCK, outcomes, SETTLE);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void dynamoDbStoppedAndRestarted(Mode mode) {
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.startPersistent(FreePorts.next(), data.resolve(mode.name()));
             OrderflowSystem system = OrderflowSystem.start(mode, dynamoDb, "fault-dynamodb-" + mode.name().toLowerCase(),
                     PRODUCTION_TIMEOUTS)) {
            String product = stockedProduct(system);
            List<Outcome> outcomes;
            try (OrderLoad load = new OrderLoad(gateway(system), product, CLIENTS)) {
                sleep(Duration.ofSeconds(2));
                dynamoDb.stop();
                await().atMost(Duration.ofSeconds(15)).until(() ->
                        system.gatewayManagement().get("/actuator/health/readiness").status() == 503);
                sleep(Duration.ofSeconds(3));
                dynamoDb.restart();
                await().atMost(Duration.ofSeconds(20)).until(() ->
                        system.gatewayManagement().get("/actuator/health/readiness").status() == 200);
                Instant ready = Instant.now();
                int before = load.outcomes().size();
                await().atMost(Duration.ofSeconds(15)).until(() -> load.outcomes().stream().skip(before)
                        .anyMatch(outcome -> outcome.status() == 201));
                System.out.printf("DynamoDB back (%s): orders succeed again %d ms after readiness%n", mode,
                        Duration.between(ready, Instant.now()).toMillis());
                sleep(Duration.ofSeconds(2));
                outcomes = load.outcomes();
            }
            report("DynamoDB stopped and restarted (" + mode + ")", outcomes);
            Invariants.errorsWereClear(outcomes);
            assertThat(outcomes).anyMatch(outcome -> outcome.status() == 503);
            assertThat(Invariants.p99(Invariants.errors(outcomes))).isLessThan(Duration.ofSeconds(1));
            try (Tables tables = new Tables(dynamoDb)) {
                Invariants.holdAfterFault(tables, system.inventoryApi(), product, INITIAL_STOCK, outcomes, SETTLE);
            }
        }
    }

    /**
     * DynamoDB refuses calls for capacity, as provisioned tables do beyond their units: some calls for a while, then
     * all of them. That is load, not an outage: calls back off and are retried, what cannot be stored is refused with
     * a truthful 503, nothing stored is lost, and neither breaker opens.
     */
    @Test
    void dynamoDbThrottling() {
        Map<String, String> environment = new HashMap<>(PRODUCTION_TIMEOUTS);
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.start();
             DynamoDbFaultProxy proxy = new DynamoDbFaultProxy(dynamoDb.endpoint())) {
            environment.put("DYNAMODB_ENDPOINT", proxy.endpoint().toString());
            try (OrderflowSystem system = OrderflowSystem.start(Mode.SPLIT, dynamoDb, "fault-throttling",
                    environment)) {
                String product = stockedProduct(system);
                List<Outcome> outcomes;
                try (OrderLoad load = new OrderLoad(gateway(system), product, CLIENTS)) {
                    sleep(Duration.ofSeconds(2));
                    proxy.throttle(0.5);
                    sleep(Duration.ofSeconds(5));
                    proxy.throttle(1.0);
                    sleep(Duration.ofSeconds(3));
                    proxy.pass();
                    int before = load.outcomes().size();
                    await().atMost(Duration.ofSeconds(30)).until(() -> load.outcomes().stream().skip(before)
                            .anyMatch(outcome -> outcome.status() == 201));
                    outcomes = load.outcomes();
                }
                report("DynamoDB throttling half, then all calls", outcomes);
                System.out.printf("DynamoDB throttling: %d requests throttled at the proxy%n", proxy.throttledCount());
                Invariants.errorsWereClear(outcomes);
                assertThat(proxy.throttledCount()).isPositive();
                assertThat(outcomes).as("what could not be stored was refused").anyMatch(o -> o.status() == 503);
                for (Api management : List.of(system.gatewayManagement(), system.processorManagement())) {
                    assertThat(Metrics.of(management).sum("resilience4j_circuitbreaker_not_permitted_calls_total",
                            "name", "dynamodb")).as("throttling never opens the DynamoDB breaker").isZero();
                }
                try (Tables tables = new Tables(dynamoDb)) {
                    Invariants.holdAfterFault(tables, system.processorApi(), product, INITIAL_STOCK, outcomes,
                            SETTLE);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void gatewayKilledWithRequestsInFlightAndRestarted(Mode mode) {
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.start();
             OrderflowSystem system = OrderflowSystem.start(mode, dynamoDb, "fault-kill-gateway-" + mode.name().toLowerCase(),
                     PRODUCTION_TIMEOUTS)) {
            String product = stockedProduct(system);
            List<Outcome> outcomes;
            try (OrderLoad load = new OrderLoad(gateway(system), product, CLIENTS)) {
                sleep(Duration.ofSeconds(3));
                system.gateway.kill();
                sleep(Duration.ofSeconds(2));
                system.gateway.start(OrderflowSystem.START_TIMEOUT);
                sleep(Duration.ofSeconds(3));
                outcomes = load.outcomes();
            }
            report("gateway killed and restarted (" + mode + ")", outcomes);
            List<Outcome> answered = outcomes.stream().filter(outcome -> outcome.status() != 0).toList();
            Invariants.errorsWereClear(answered);
            try (Tables tables = new Tables(dynamoDb)) {
                Invariants.holdAfterFault(tables, system.inventoryApi(), product, INITIAL_STOCK, answered, SETTLE);
            }
        }
    }

    private interface ProxiedScenario {
        void run(OrderflowSystem system, FaultProxy proxy, DynamoDbLocal dynamoDb);
    }

    /** The gateway reaches the processor through a fault proxy. */
    private static void withProxy(String name, ProxiedScenario scenario) {
        int proxyPort = FreePorts.next();
        Map<String, String> environment = new HashMap<>(PRODUCTION_TIMEOUTS);
        environment.put("ORDER_PROCESSOR_URL", "http://localhost:" + proxyPort);
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.start();
             OrderflowSystem system = OrderflowSystem.create(Mode.SPLIT, dynamoDb, name, environment);
             FaultProxy proxy = new FaultProxy(proxyPort, system.processorPort)) {
            system.processor.start(OrderflowSystem.START_TIMEOUT);
            system.gateway.start(OrderflowSystem.START_TIMEOUT);
            scenario.run(system, proxy, dynamoDb);
        }
    }

    private static String stockedProduct(OrderflowSystem system) {
        String product = "fault-" + UUID.randomUUID();
        assertThat(system.inventoryApi().put("/inventory/" + product,
                "{\"stock\":%d,\"price\":1.00,\"name\":\"Fault test\"}".formatted(INITIAL_STOCK)).status())
                .isEqualTo(200);
        return product;
    }

    private static URI gateway(OrderflowSystem system) {
        return URI.create("http://localhost:" + system.gatewayPort);
    }

    private static void report(String scenario, List<Outcome> outcomes) {
        System.out.printf("%s: %s%n", scenario, Invariants.summary(outcomes));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
