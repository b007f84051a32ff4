package dev.orderflow.platform.dynamodb;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How to reach DynamoDB. On AWS only the region is set and credentials come from the task role; locally
 * {@code endpoint} points at DynamoDB Local.
 *
 * @param createTables create missing tables at start-up: for local runs and tests only, never on AWS, where
 *                     Terraform owns the tables
 * @param apiCallAttemptTimeout the budget of one attempt of a DynamoDB call; a call makes at most three
 *                              (DynamoDbOperation), so a slow DynamoDB fails a request within about three of these
 *                              instead of hanging it
 */
@ConfigurationProperties("orderflow.dynamodb")
public record DynamoDbProperties(URI endpoint, String region, boolean createTables, Duration apiCallAttemptTimeout,
                                 int maxConcurrency) {

    public DynamoDbProperties {
        if (region == null || region.isBlank()) {
            region = "us-east-1";
        }
        if (apiCallAttemptTimeout == null) {
            apiCallAttemptTimeout = Duration.ofMillis(700);
        }
        if (maxConcurrency <= 0) {
            maxConcurrency = 200;
        }
    }

    public boolean local() {
        return endpoint != null && !endpoint.toString().isBlank();
    }
}
