package dev.orderflow;

import dev.orderflow.inventory.wiring.InventoryCoreConfiguration;
import dev.orderflow.inventory.wiring.ProcessorWebConfiguration;
import dev.orderflow.platform.dynamodb.DynamoDbClientConfiguration;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.Modulithic;

/** The order processor: the inventory module behind its HTTP API. Beans are declared, not scanned. */
@Modulithic(systemName = "orderflow", sharedModules = {"shared", "platform"})
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({DynamoDbClientConfiguration.class, InventoryCoreConfiguration.class, ProcessorWebConfiguration.class})
public class ProcessorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProcessorApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
