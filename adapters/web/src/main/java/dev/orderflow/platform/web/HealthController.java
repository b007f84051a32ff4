package dev.orderflow.platform.web;

import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /health} on the application port, as the earlier services answered it: healthy only when the
 * dependencies the bootstrap names answer. Orchestrators use the actuator probes on the management port.
 */
@RestController
public class HealthController {

    private final Supplier<Mono<Boolean>> dependenciesUp;

    public HealthController(Supplier<Mono<Boolean>> dependenciesUp) {
        this.dependenciesUp = dependenciesUp;
    }

    @GetMapping(path = "/health", produces = "application/json")
    public Mono<ResponseEntity<Map<String, String>>> health() {
        return dependenciesUp.get()
                .onErrorReturn(false)
                .defaultIfEmpty(false)
                .map(up -> up
                        ? ResponseEntity.ok(Map.of("status", "healthy"))
                        : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "unhealthy")));
    }
}
