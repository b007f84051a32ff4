package dev.orderflow.platform.dynamodb;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DynamoDbProperties.class)
public class DynamoDbClientConfiguration {

    @Bean(destroyMethod = "close")
    DynamoDbAsyncClient dynamoDbAsyncClient(DynamoDbProperties properties) {
        return client(properties);
    }

    /** The client as the services use it; also for the table bootstrap, which runs without the services' beans. */
    public static DynamoDbAsyncClient client(DynamoDbProperties properties) {
        DynamoDbAsyncClientBuilder builder = DynamoDbAsyncClient.builder()
                .region(Region.of(properties.region()))
                .credentialsProvider(credentials(properties))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .maxConcurrency(properties.maxConcurrency())
                        .connectionTimeout(Duration.ofSeconds(1))
                        .connectionAcquisitionTimeout(Duration.ofSeconds(1)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(properties.apiCallTimeout())
                        .apiCallAttemptTimeout(properties.apiCallAttemptTimeout())
                        // Three attempts, not the eight retries the SDK grants DynamoDB by default: with them a
                        // call to an unreachable DynamoDB spent its whole 2 s budget backing off (ADR 0012).
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(3).build())
                        .build());
        if (properties.local()) {
            builder.endpointOverride(properties.endpoint());
        }
        return builder.build();
    }

    /**
     * The breaker lives in a registry of its own so that both services publish its state the same way
     * ({@code resilience4j_circuitbreaker_*{name="dynamodb"}}), whether or not they use Resilience4j elsewhere.
     */
    @Bean
    DynamoDbCalls dynamoDbCalls(MeterRegistry meters, DynamoDbProperties properties) {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        CircuitBreaker breaker = breakers.circuitBreaker(DynamoDbCircuitBreaker.NAME,
                DynamoDbCircuitBreaker.config(properties.apiCallTimeout()));
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
