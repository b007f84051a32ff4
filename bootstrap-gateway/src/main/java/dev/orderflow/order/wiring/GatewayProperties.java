package dev.orderflow.order.wiring;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway reaches the inventory. Which configuration runs is chosen by {@code @ConditionalOnProperty} on the
 * same property; binding it here refuses a mistyped INVENTORY_MODE at start-up, and {@code /actuator/info} shows it.
 *
 * @param mode          {@code remote}: the inventory is the processor service, reached over HTTP;
 *                      {@code embedded}: the inventory module runs in this process (the monolith)
 * @param processorUrl  where the processor listens, in remote mode
 * @param srvEndpoint   a DNS SRV name; when set, host and port come from its records instead of processorUrl
 * @param attemptTimeout how long one call to the processor may take before it is retried
 */
@ConfigurationProperties("orderflow.inventory")
public record GatewayProperties(String mode, URI processorUrl, String srvEndpoint, Duration attemptTimeout) {

    public GatewayProperties {
        mode = mode == null || mode.isBlank() ? "remote" : mode.trim().toLowerCase();
        if (!mode.equals("remote") && !mode.equals("embedded")) {
            throw new IllegalArgumentException("INVENTORY_MODE must be 'remote' or 'embedded', not '" + mode + "'");
        }
        if (processorUrl == null) {
            processorUrl = URI.create("http://localhost:8001");
        }
        if (attemptTimeout == null) {
            attemptTimeout = Duration.ofMillis(800);
        }
    }

    public boolean embedded() {
        return mode.equals("embedded");
    }

    public boolean srvDiscovery() {
        return srvEndpoint != null && !srvEndpoint.isBlank();
    }
}
