package dev.orderflow.platform.dynamodb;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** Clients for a DynamoDB endpoint in tests (DynamoDB Local or LocalStack), built as the services build theirs. */
public record DynamoDbTestClients(DynamoDbAsyncClient client, DynamoDbEnhancedAsyncClient enhanced)
        implements AutoCloseable {

    public static DynamoDbTestClients at(URI endpoint) {
        DynamoDbAsyncClient client = DynamoDbAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        return new DynamoDbTestClients(client, DynamoDbEnhancedAsyncClient.builder().dynamoDbClient(client).build());
    }

    @Override
    public void close() {
        client.close();
    }
}
