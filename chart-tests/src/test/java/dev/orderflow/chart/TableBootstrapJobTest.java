package dev.orderflow.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.chart.RenderedChart.Manifest;
import dev.orderflow.inventory.adapter.out.dynamodb.InventoryTables;
import dev.orderflow.order.adapter.out.dynamodb.OrderTable;
import dev.orderflow.testsupport.DynamoDbLocal;
import dev.orderflow.testsupport.FreePorts;
import dev.orderflow.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The table bootstrap Job and the code agree: the Job's container, as rendered (its arguments and environment), is
 * run as a process of the real gateway jar, which the Job's image runs, against DynamoDB Local; the tables it leaves
 * are the ones the code defines. The only thing changed is DYNAMODB_ENDPOINT's host, from the in-cluster Service
 * name to this machine.
 */
class TableBootstrapJobTest {

    private static final Duration PROCESS_LIMIT = Duration.ofSeconds(90);

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
    void theJobsCommandCreatesExactlyTheTablesTheCodeDefinesAndCanRunAgain() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String orders = "orders-" + suffix;
        String inventory = "inventory-" + suffix;
        String reservations = "reservations-" + suffix;
        Container job = jobContainer(HelmChart.ofRepository().withValues("values-dev.yaml")
                .set("dynamodb.tables.orders", orders).set("dynamodb.tables.inventory", inventory)
                .set("dynamodb.tables.reservations", reservations));

        assertThat(job.args()).containsExactly("create-tables");
        assertThat(job.env()).containsEntry("DYNAMODB_ENDPOINT", "http://dynamodb-local:8000");
        Map<String, String> env = job.envWithEndpoint(dynamoDb.endpoint());

        assertThat(run(job.args(), env)).as("first run").isZero();
        assertThat(run(job.args(), env)).as("second run finds the tables").isZero();

        List<CreateTableRequest> expected = new ArrayList<>();
        expected.add(OrderTable.definition(orders));
        expected.addAll(InventoryTables.definitions(inventory, reservations));
        for (CreateTableRequest definition : expected) {
            TableDescription table = client.describeTable(b -> b.tableName(definition.tableName())).table();
            assertThat(table.keySchema()).as(definition.tableName()).isEqualTo(definition.keySchema());
            assertThat(table.attributeDefinitions()).as(definition.tableName())
                    .containsExactlyInAnyOrderElementsOf(definition.attributeDefinitions());
            assertThat(indexes(table.globalSecondaryIndexes())).as(definition.tableName())
                    .isEqualTo(expectedIndexes(definition.globalSecondaryIndexes()));
        }
        assertThat(expected.get(0).globalSecondaryIndexes()).extracting(GlobalSecondaryIndex::indexName)
                .containsExactly("pending-orders");
    }

    @Test
    void theJobsTimeoutReachesTheJar() throws Exception {
        Container job = jobContainer(HelmChart.ofRepository().withValues("values-dev.yaml")
                .set("tableBootstrap.timeout", "2s"));
        Map<String, String> env = job.envWithEndpoint(URI.create("http://localhost:" + FreePorts.next()));

        assertThat(job.env()).containsEntry("ORDERFLOW_TABLEBOOTSTRAP_TIMEOUT", "2s");
        assertThat(run(job.args(), env)).as("gives up after 2 s, not the default 120 s").isEqualTo(1);
    }

    private static Container jobContainer(HelmChart chart) {
        List<Manifest> jobs = chart.render().ofKind("Job");
        assertThat(jobs).hasSize(1);
        Manifest container = new Manifest(Manifest.asMap(jobs.get(0).listAt("spec", "template", "spec",
                "containers").get(0)));
        List<String> args = container.listAt("args").stream().map(String::valueOf).toList();
        Map<String, String> env = new LinkedHashMap<>();
        for (Object variable : container.listAt("env")) {
            Map<String, Object> entry = Manifest.asMap(variable);
            env.put((String) entry.get("name"), (String) entry.get("value"));
        }
        return new Container(args, env);
    }

    /** The gateway jar with the images' JVM flags, the Job's arguments and only the Job's environment. */
    private static int run(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("orderflow.gateway.jar", "../bootstrap-gateway/target/orderflow-gateway.jar"));
        assertThat(jar).as("built by the reactor before this module").isRegularFile();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ServiceProcess.JVM_FLAGS);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        Path log = Files.createDirectories(Path.of("target", "job-logs")).resolve("create-tables-"
                + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("create-tables still running after " + PROCESS_LIMIT + "; see " + log);
        }
        return process.exitValue();
    }

    private static List<String> indexes(List<GlobalSecondaryIndexDescription> indexes) {
        return indexes.stream().map(index -> index.indexName() + " " + index.keySchema() + " "
                + index.projection().projectionType()).toList();
    }

    private static List<String> expectedIndexes(List<GlobalSecondaryIndex> indexes) {
        return indexes.stream().map(index -> index.indexName() + " " + index.keySchema() + " "
                + index.projection().projectionType()).toList();
    }

    private record Container(List<String> args, Map<String, String> env) {

        Map<String, String> envWithEndpoint(URI endpoint) {
            Map<String, String> copy = new LinkedHashMap<>(env);
            copy.put("DYNAMODB_ENDPOINT", endpoint.toString());
            return copy;
        }
    }
}
