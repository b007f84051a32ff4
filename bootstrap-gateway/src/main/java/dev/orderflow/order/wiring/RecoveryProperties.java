package dev.orderflow.order.wiring;

import dev.orderflow.order.application.PendingOrderPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How often the recovery step runs and which pending orders it touches (see PendingOrderPolicy). */
@ConfigurationProperties("orderflow.recovery")
public record RecoveryProperties(boolean enabled, Duration interval, Duration minimumAge, Duration maximumAge,
                                 int batchSize) {

    public PendingOrderPolicy policy() {
        return new PendingOrderPolicy(minimumAge, maximumAge, batchSize);
    }
}
