package dev.orderflow.platform.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/** The DynamoDB client as the services build it, so that tests can build exactly the same one. */
public final class DynamoDbClients {

    /**
     * @param endpoint          DynamoDB Local's address, or {@code null} for AWS's regional endpoint
     * @param attemptTimeout    the budget of one attempt
     * @param maxConcurrency    connections to DynamoDB at most
     */
    public record Settings(URI endpoint, Region region, Duration attemptTimeout, int maxConcurrency) {
        public Settings {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        }
    }

    private DynamoDbClients() {
    }

    /**
     * The client makes one attempt per call, within {@code attemptTimeout}: {@link DynamoDbOperation} retries,
     * because only it sees each attempt's failure whole (the SDK keeps earlier attempts as bare messages).
     */
    public static DynamoDbAsyncClient create(Settings settings, AwsCredentialsProvider credentials) {
        DynamoDbAsyncClientBuilder builder = DynamoDbAsyncClient.builder()
                .region(settings.region())
                .credentialsProvider(credentials)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .maxConcurrency(settings.maxConcurrency())
                        .connectionTimeout(connectTimeout(settings.attemptTimeout()))
                        .connectionAcquisitionTimeout(acquisitionTimeout(settings.attemptTimeout())))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(settings.attemptTimeout())
                        .apiCallAttemptTimeout(settings.attemptTimeout())
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    /**
     * Connecting, and waiting for a pooled connection, must give up well inside the attempt's budget: only then does
     * a connection that cannot be made read as refused (an outage, nothing sent) and a pool with nothing free as busy
     * (nothing sent), instead of both ending as an attempt timeout, which says "maybe applied" and "not an outage".
     * The SDK counts a new connection's connect inside the acquisition, so the connect must end first.
     */
    static Duration connectTimeout(Duration attemptTimeout) {
        return min(attemptTimeout.multipliedBy(3).dividedBy(10), Duration.ofSeconds(1));
    }

    static Duration acquisitionTimeout(Duration attemptTimeout) {
        return min(attemptTimeout.dividedBy(2), Duration.ofSeconds(2));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
