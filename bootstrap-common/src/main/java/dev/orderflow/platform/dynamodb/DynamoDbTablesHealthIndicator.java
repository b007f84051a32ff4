package dev.orderflow.platform.dynamodb;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Status;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Up when every table this service uses exists and is active. DescribeTable costs no read capacity, so probing
 * it every few seconds is free.
 */
public class DynamoDbTablesHealthIndicator implements ReactiveHealthIndicator {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final DynamoDbAsyncClient client;
    private final List<String> tables;

    public DynamoDbTablesHealthIndicator(DynamoDbAsyncClient client, List<String> tables) {
        this.client = client;
        this.tables = List.copyOf(tables);
    }

    @Override
    public Mono<Health> health() {
        return Flux.fromIterable(tables)
                .flatMap(table -> Mono.fromFuture(() -> client.describeTable(b -> b.tableName(table)))
                        .map(response -> response.table().tableStatus() == TableStatus.ACTIVE))
                .all(Boolean::booleanValue)
                .map(allActive -> (allActive ? Health.up() : Health.down()).withDetail("tables", tables).build())
                .timeout(PROBE_TIMEOUT)
                .onErrorResume(e -> Mono.just(Health.down()
                        .withDetail("tables", tables)
                        .withDetail("error", e.getClass().getSimpleName())
                        .build()));
    }

    /** For {@code GET /health} on the application port, which reports up or down only. */
    public Mono<Boolean> isUp() {
        return health().map(health -> Status.UP.equals(health.getStatus()));
    }
}
