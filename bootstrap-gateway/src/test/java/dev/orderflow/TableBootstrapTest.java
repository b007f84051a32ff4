package dev.orderflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.platform.dynamodb.TableNames;
import dev.orderflow.testsupport.DynamoDbLocal;
import dev.orderflow.testsupport.FreePorts;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The {@code create-tables} mode creates exactly the tables the code defines, again and again, and fails clearly. */
class TableBootstrapTest {

    private static DynamoDbLocal dynamoDb;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        dynamoDb = DynamoDbLocal.start();
        client = DynamoDbClient.builder().endpointOverride(dynamoDb.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"))).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        dynamoDb.close();
    }

    @Test
    void givenAnEmptyDynamoDb_whenRunTwice_thenTheThreeTablesExistAsDefined() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TableNames names = new TableNames("o-" + suffix, "i-" + suffix, "r-" + suffix);
        String[] args = {"--orderflow.dynamodb.endpoint=" + dynamoDb.endpoint(),
                "--orderflow.tables.orders=" + names.orders(), "--orderflow.tables.inventory=" + names.inventory(),
                "--orderflow.tables.reservations=" + names.reservations()};

        assertThat(TableBootstrap.run(args)).isZero();
        assertThat(TableBootstrap.run(args)).as("a second run finds the tables and succeeds").isZero();

        List<CreateTableRequest> expected = TableBootstrap.definitions(names);
        assertThat(expected).extracting(CreateTableRequest::tableName)
                .containsExactly(names.orders(), names.inventory(), names.reservations());
        for (CreateTableRequest definition : expected) {
            TableDescription table = client.describeTable(b -> b.tableName(definition.tableName())).table();
            assertThat(table.keySchema()).isEqualTo(definition.keySchema());
            assertThat(table.attributeDefinitions())
                    .containsExactlyInAnyOrderElementsOf(definition.attributeDefinitions());
            assertThat(table.globalSecondaryIndexes()).hasSameSizeAs(definition.globalSecondaryIndexes());
            for (int i = 0; i < definition.globalSecondaryIndexes().size(); i++) {
                var want = definition.globalSecondaryIndexes().get(i);
                var have = table.globalSecondaryIndexes().get(i);
                assertThat(have.indexName()).isEqualTo(want.indexName());
                assertThat(have.keySchema()).isEqualTo(want.keySchema());
                assertThat(have.projection().projectionType()).isEqualTo(want.projection().projectionType());
            }
        }
    }

    @Test
    void givenNoEndpoint_whenRun_thenItRefusesToTouchAws() {
        assertThat(TableBootstrap.run("--orderflow.dynamodb.endpoint=", "--aws.region=us-east-1")).isEqualTo(2);
    }

    @Test
    void givenNoDynamoDb_whenTheDeadlinePasses_thenItExitsWithAnError() {
        assertThat(TableBootstrap.run("--orderflow.dynamodb.endpoint=http://localhost:" + FreePorts.next(),
                "--orderflow.table-bootstrap.timeout=2s")).isEqualTo(1);
    }
}
