package dev.orderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.core.exception.SdkClientException;

class DynamoDbLocalTest {

    @Test
    void givenAStartedServer_whenWritingAndReading_thenTheItemComesBack() {
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.start(); DynamoDbClient client = client(dynamoDb)) {
            createTable(client);
            client.putItem(b -> b.tableName("things").item(Map.of("id", s("a"), "n", AttributeValue.fromN("7"))));

            assertThat(client.getItem(b -> b.tableName("things").key(Map.of("id", s("a"))).consistentRead(true))
                    .item().get("n").n()).isEqualTo("7");
        }
    }

    @Test
    void givenAPersistentServer_whenRestarted_thenTheDataIsStillThere(@TempDir Path data) {
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.startPersistent(FreePorts.next(), data);
             DynamoDbClient client = client(dynamoDb)) {
            createTable(client);
            client.putItem(b -> b.tableName("things").item(Map.of("id", s("kept"))));

            dynamoDb.stop();
            assertThatThrownBy(() -> client.listTables()).isInstanceOf(SdkClientException.class);
            dynamoDb.restart();

            assertThat(client.getItem(b -> b.tableName("things").key(Map.of("id", s("kept")))).hasItem()).isTrue();
        }
    }

    private static void createTable(DynamoDbClient client) {
        client.createTable(b -> b.tableName("things")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
    }

    private static DynamoDbClient client(DynamoDbLocal dynamoDb) {
        return DynamoDbClient.builder()
                .endpointOverride(dynamoDb.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
