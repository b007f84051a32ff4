package dev.orderflow.platform.dynamodb;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** Clients for a DynamoDB endpoint in tests (DynamoDB Local or LocalStack), built as the services build theirs. */
public record DynamoDbTestClients(DynamoDbAsyncClient client, DynamoDbEnhancedAsyncClient enhanced)
        implements AutoCloseable {

    /**
     * Budgets sized for DynamoDB Local on a loaded test machine, like the local run's: the contract tests check
     * behaviour, not how fast a shared CI machine answers.
     */
    public static DynamoDbTestClients at(URI endpoint) {
        return at(endpoint, Duration.ofSeconds(5));
    }

    /** With the given budget per attempt. */
    public static DynamoDbTestClients at(URI endpoint, Duration attemptTimeout) {
        DynamoDbAsyncClient client = DynamoDbClients.create(
                new DynamoDbClients.Settings(endpoint, Region.US_EAST_1, attemptTimeout, 200),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        return new DynamoDbTestClients(client, DynamoDbEnhancedAsyncClient.builder().dynamoDbClient(client).build());
    }

    /** Calls through a breaker of their own, configured as in production. */
    public static DynamoDbCalls calls(MeterRegistry meters) {
        return new DynamoDbCalls(meters, breaker());
    }

    public static CircuitBreaker breaker() {
        return CircuitBreaker.of(DynamoDbCircuitBreaker.NAME, DynamoDbCircuitBreaker.config());
    }

    @Override
    public void close() {
        client.close();
    }
}
