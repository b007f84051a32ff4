package dev.orderflow.order.adapter.out.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.DynamoDbLocalSpringTest;
import dev.orderflow.inventory.ReservationConflictException;
import dev.orderflow.order.port.out.StockReservations;
import dev.orderflow.shared.OrderId;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The gateway in split mode, as application.yml configures it: the processor is reached over HTTP, found through
 * DNS SRV when SRV_ENDPOINT is set; failures of the call itself are retried, and only outages open the circuit.
 */
@SpringBootTest(classes = dev.orderflow.GatewayApplication.class,
        properties = {"orderflow.dynamodb.create-tables=true", "orderflow.recovery.enabled=false",
            "server.port=0", "management.server.port=0", "SRV_ENDPOINT=_processor._tcp.orderflow.local"})
class RemoteWiringTest extends DynamoDbLocalSpringTest {

    @Autowired
    private StockReservations reservations;

    @Autowired
    private ProcessorEndpoint endpoint;

    @Autowired
    private CircuitBreakerRegistry circuitBreakers;

    @Autowired
    private RetryRegistry retries;

    @Test
    void reachesTheProcessorOverHttpFoundThroughSrvRecords() {
        assertThat(reservations).isInstanceOf(HttpStockReservations.class);
        assertThat(endpoint).isInstanceOf(SrvProcessorEndpoint.class);
    }

    @Test
    void opensTheCircuitOnOutagesOnlyAndRetriesEveryFailureOfTheCallItself() {
        CircuitBreakerConfig breaker = circuitBreakers.circuitBreaker("processor").getCircuitBreakerConfig();
        RetryConfig retry = retries.retry("processor").getRetryConfig();
        List<ProcessorFailure> outages = List.of(ProcessorFailure.unreachable(new ConnectException("refused")),
                ProcessorFailure.status(500), ProcessorFailure.status(502));
        List<ProcessorFailure> load = List.of(ProcessorFailure.timeout(), ProcessorFailure.status(503));
        ReservationConflictException conflict = new ReservationConflictException(new OrderId("o-1"));
        ProcessorRefusedRequestException refused = new ProcessorRefusedRequestException(400);

        assertThat(outages).allMatch(breaker.getRecordExceptionPredicate());
        assertThat(load).noneMatch(breaker.getRecordExceptionPredicate());
        assertThat(breaker.getRecordExceptionPredicate().test(conflict)).isFalse();
        assertThat(breaker.getRecordExceptionPredicate().test(refused)).isFalse();
        assertThat(breaker.getSlowCallRateThreshold()).as("slow calls never open it").isEqualTo(100);
        assertThat(outages).allMatch(retry.getExceptionPredicate());
        assertThat(load).allMatch(retry.getExceptionPredicate());
        assertThat(retry.getExceptionPredicate().test(conflict)).isFalse();
        assertThat(retry.getExceptionPredicate().test(refused)).isFalse();
        assertThat(retry.getMaxAttempts()).isEqualTo(3);
    }
}
