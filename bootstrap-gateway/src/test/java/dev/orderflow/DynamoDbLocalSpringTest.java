package dev.orderflow;

import dev.orderflow.testsupport.DynamoDbLocal;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Spring tests of the gateway's wiring against DynamoDB Local. One DynamoDB Local serves every such test class of the
 * test JVM (each creates its own tables), and stops with the JVM.
 */
public abstract class DynamoDbLocalSpringTest {

    private static final DynamoDbLocal DYNAMODB = startShared();

    private static DynamoDbLocal startShared() {
        DynamoDbLocal dynamoDb = DynamoDbLocal.start();
        Runtime.getRuntime().addShutdownHook(new Thread(dynamoDb::close, "dynamodb-local-stop"));
        return dynamoDb;
    }

    @DynamicPropertySource
    static void dynamoDbEndpoint(DynamicPropertyRegistry registry) {
        registry.add("orderflow.dynamodb.endpoint", () -> DYNAMODB.endpoint().toString());
    }
}
