package dev.orderflow;

import dev.orderflow.order.wiring.OrderModuleConfiguration;
import dev.orderflow.platform.dynamodb.DynamoDbClientConfiguration;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.Modulithic;

/**
 * The order gateway. Beans are declared explicitly by one configuration per module instead of component
 * scanning, so what runs in each mode is readable here and nothing is picked up by accident.
 */
@Modulithic(systemName = "orderflow", sharedModules = {"shared", "platform"})
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({DynamoDbClientConfiguration.class, OrderModuleConfiguration.class, MonolithConfiguration.class})
public class GatewayApplication {

    /** {@code create-tables} as the first argument prepares a DynamoDB Local and exits (TableBootstrap). */
    public static void main(String[] args) {
        if (args.length > 0 && TableBootstrap.COMMAND.equals(args[0])) {
            System.exit(TableBootstrap.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(GatewayApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
