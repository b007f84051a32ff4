package dev.orderflow.platform.dynamodb;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DynamoDbProperties.class)
public class DynamoDbClientConfiguration {

    @Bean(destroyMethod = "close")
    DynamoDbAsyncClient dynamoDbAsyncClient(DynamoDbProperties properties) {
        return client(properties);
    }

    /** The client as the services use it; also for the table bootstrap, which runs without the services' beans. */
    public static DynamoDbAsyncClient client(DynamoDbProperties properties) {
        return DynamoDbClients.create(settings(properties), credentials(properties));
    }

    private static DynamoDbClients.Settings settings(DynamoDbProperties properties) {
        return new DynamoDbClients.Settings(properties.local() ? properties.endpoint() : null,
                Region.of(properties.region()), properties.apiCallAttemptTimeout(), properties.maxConcurrency());
    }

    /**
     * The breaker lives in a registry of its own so that both services publish its state the same way
     * ({@code resilience4j_circuitbreaker_*{name="dynamodb"}}), whether or not they use Resilience4j elsewhere.
     */
    @Bean
    DynamoDbCalls dynamoDbCalls(MeterRegistry meters, DynamoDbProperties properties) {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        CircuitBreaker breaker = breakers.circuitBreaker(DynamoDbCircuitBreaker.NAME,
                DynamoDbCircuitBreaker.config());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        return new DynamoDbCalls(meters, breaker);
    }

    @Bean
    DynamoDbEnhancedAsyncClient dynamoDbEnhancedAsyncClient(DynamoDbAsyncClient client) {
        return DynamoDbEnhancedAsyncClient.builder().dynamoDbClient(client).build();
    }

    /**
     * DynamoDB Local accepts any credentials, but the SDK insists on some; real ones (environment, profile, ECS
     * task role) are still preferred when present.
     */
    private static AwsCredentialsProvider credentials(DynamoDbProperties properties) {
        if (properties.local() && System.getenv("AWS_ACCESS_KEY_ID") == null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
