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
     * Connecting must give up inside the attempt's budget: only then does an endpoint that takes no connection (a
     * black-holed address) read as refused, an outage with nothing sent, instead of an attempt timeout, which says
     * "maybe applied" and "not an outage". Half the attempt: a cold JVM's first connections on a busy machine have been
     * seen to take over a third of the production 700 ms.
     */
    static Duration connectTimeout(Duration attemptTimeout) {
        return min(attemptTimeout.dividedBy(2), Duration.ofSeconds(1));
    }

    /**
     * The SDK counts a new connection's connect inside the acquisition, so the acquisition must outlast the connect.
     * It is not made shorter than the attempt: a busy pool then ends as an attempt timeout ("maybe applied"), which
     * costs a second, conditional create, rather than refusing cold first calls that were only slow to connect.
     */
    static Duration acquisitionTimeout(Duration attemptTimeout) {
        return min(attemptTimeout, Duration.ofSeconds(2));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
