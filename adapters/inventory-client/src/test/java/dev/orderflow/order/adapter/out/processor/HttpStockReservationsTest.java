package dev.orderflow.order.adapter.out.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.inventory.ReservationConflictException;
import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.inventory.ReserveStockCommand;
import dev.orderflow.order.adapter.out.processor.StandInProcessor.Answer;
import dev.orderflow.order.port.out.ReservationOutcomeUnknownException;
import dev.orderflow.order.port.out.ReservationsUnavailableException;
import dev.orderflow.shared.CustomerId;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.OrderId;
import dev.orderflow.shared.ProductId;
import dev.orderflow.shared.Quantity;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class HttpStockReservationsTest {

    private static final String DECIDED = "2026-11-23T10:00:00.5Z";
    private static final String RESERVED = """
            {"order_id":"o-1","status":"confirmed","total_price":59.97,"processed_at":"%s"}""".formatted(DECIDED);

    private final StandInProcessor processor = new StandInProcessor();
    /** As application.yml configures it, with smaller numbers so the test runs fast. */
    private final CircuitBreaker circuitBreaker = CircuitBreaker.of("processor", CircuitBreakerConfig.custom()
            .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(30))
            .recordException(new ProcessorOutage())
            .build());
    private final Retry retry = Retry.of("processor", RetryConfig.custom()
            .maxAttempts(3).waitDuration(Duration.ofMillis(10))
            .retryExceptions(ProcessorFailure.class)
            .build());
    private final Bulkhead bulkhead = Bulkhead.of("processor", BulkheadConfig.custom()
            .maxConcurrentCalls(2).maxWaitDuration(Duration.ZERO).build());
    private final HttpStockReservations reservations = reservationsAt(processor.uri());

    @AfterEach
    void stop() {
        processor.close();
    }

    @Test
    void givenTheProcessorConfirms_whenReserving_thenTheResultCarriesItsPriceAndTime() {
        processor.then(Answer.json(200, RESERVED));

        assertThat(reservations.reserve(command()).block()).isEqualTo(
                new ReservationResult.Reserved(new Money(5997), Instant.parse(DECIDED)));
    }

    @Test
    void givenTheProcessorsBusinessAnswers_whenReserving_thenTheyBecomeResultsNotFailures() {
        processor.then(Answer.problem(409, "insufficient-stock", DECIDED))
                .then(Answer.problem(422, "unknown-product", DECIDED));

        assertThat(reservations.reserve(command()).block())
                .isEqualTo(new ReservationResult.InsufficientStock(Instant.parse(DECIDED)));
        assertThat(reservations.reserve(command()).block())
                .isEqualTo(new ReservationResult.UnknownProduct(Instant.parse(DECIDED)));
        assertThat(processor.requests()).isEqualTo(2);
    }

    @Test
    void givenAnOrderIdUsedForAnotherOrder_whenReserving_thenTheConflictIsReportedWithoutRetrying() {
        processor.then(Answer.problem(422, "order-id-reused", DECIDED));

        assertThatThrownBy(() -> reservations.reserve(command()).block())
                .isInstanceOf(ReservationConflictException.class);
        assertThat(processor.requests()).isEqualTo(1);
    }

    @Test
    void givenTwoErrorsThenAnAnswer_whenReserving_thenTheRetriesGetTheAnswer() {
        processor.then(Answer.json(500, "{}")).then(Answer.json(503, "")).then(Answer.json(200, RESERVED));

        assertThat(reservations.reserve(command()).block()).isInstanceOf(ReservationResult.Reserved.class);
        assertThat(processor.requests()).isEqualTo(3);
    }

    @Test
    void givenAProcessorThatKeepsFailing_whenReserving_thenTheOutcomeIsUnknownAfterTheAttempts() {
        processor.otherwise(Answer.json(500, "{}"));

        assertThatThrownBy(() -> reservations.reserve(command()).block())
                .isInstanceOf(ReservationOutcomeUnknownException.class);
        assertThat(processor.requests()).isEqualTo(3);
    }

    @Test
    void givenASlowProcessor_whenEveryAttemptTimesOut_thenTheOutcomeIsUnknownAndTheCircuitStaysClosed() {
        processor.otherwise(Answer.json(200, RESERVED).after(Duration.ofSeconds(2)));

        reserveTwiceWithoutAnAnswer();

        assertThat(circuitBreaker.getState()).as("slow is not down").isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void givenAProcessorSheddingLoad_whenItAnswers503_thenItIsRetriedAndTheCircuitStaysClosed() {
        processor.otherwise(Answer.json(503, ""));

        reserveTwiceWithoutAnAnswer();

        assertThat(circuitBreaker.getState()).as("shedding is not down").isEqualTo(CircuitBreaker.State.CLOSED);
    }

    /** Two reservations, each through its three attempts: enough for the breaker's window (4) to judge. */
    private void reserveTwiceWithoutAnAnswer() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> reservations.reserve(command()).block())
                    .isInstanceOf(ReservationOutcomeUnknownException.class);
        }
        assertThat(processor.requests()).isEqualTo(6);
    }

    @Test
    void givenNothingListening_whenCallsKeepBeingRefused_thenTheCircuitOpens() {
        HttpStockReservations nowhere = reservationsAt(URI.create("http://localhost:1"));

        assertThatThrownBy(() -> nowhere.reserve(command()).block())
                .isInstanceOf(ReservationOutcomeUnknownException.class);
        assertThatThrownBy(() -> nowhere.reserve(command()).block())
                .as("the second call's first attempt opens the circuit")
                .isInstanceOf(ReservationsUnavailableException.class);

        assertThat(circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> nowhere.reserve(command()).block())
                .isInstanceOf(ReservationsUnavailableException.class);
    }

    @Test
    void givenRepeatedFailures_whenTheCircuitOpens_thenCallsFailAtOnceWithoutReachingTheProcessor() {
        processor.otherwise(Answer.json(500, "{}"));
        assertThatThrownBy(() -> reservations.reserve(command()).block())
                .isInstanceOf(ReservationOutcomeUnknownException.class);
        assertThatThrownBy(() -> reservations.reserve(command()).block())
                .isInstanceOf(ReservationsUnavailableException.class);
        int requestsWhenOpened = processor.requests();

        assertThat(reservations.knownUnavailableFor()).contains(Duration.ofSeconds(30));
        assertThatThrownBy(() -> reservations.reserve(command()).block())
                .isInstanceOfSatisfying(ReservationsUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        assertThat(processor.requests()).isEqualTo(requestsWhenOpened);
    }

    @Test
    void givenManyBusinessRejections_whenReserving_thenTheCircuitStaysClosed() {
        processor.otherwise(Answer.problem(409, "insufficient-stock", DECIDED));

        for (int i = 0; i < 10; i++) {
            reservations.reserve(command()).block();
        }

        assertThat(reservations.knownUnavailableFor()).isEmpty();
        assertThat(circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void givenTheBulkheadIsFull_whenReserving_thenTheExtraCallIsRefusedAtOnce() {
        processor.otherwise(Answer.json(200, RESERVED).after(Duration.ofMillis(150)));

        List<Object> outcomes = Flux.range(0, 3)
                .flatMap(i -> reservations.reserve(command()).map(Object.class::cast)
                        .onErrorResume(e -> Mono.just(e)))
                .collectList().block();

        assertThat(outcomes).filteredOn(ReservationsUnavailableException.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(ReservationResult.Reserved.class::isInstance).hasSize(2);
    }

    @Test
    void givenAKnownDecision_whenFinding_thenItComesBack_andAnUnknownOneIsEmpty() {
        processor.then(Answer.json(200, """
                        {"order_id":"o-1","status":"rejected","rejection_reason":"insufficient_stock",
                         "processed_at":"%s"}""".formatted(DECIDED)))
                .then(Answer.problem(404, "not-found", DECIDED));

        assertThat(reservations.find(new OrderId("o-1")).block())
                .isEqualTo(new ReservationResult.InsufficientStock(Instant.parse(DECIDED)));
        assertThat(reservations.find(new OrderId("o-2")).block()).isNull();
    }

    @Test
    void givenAWithdrawal_whenTheProcessorAnswersTheDecisionThatStands_thenThatDecisionComesBack() {
        processor.then(Answer.json(200, """
                        {"order_id":"o-1","status":"rejected","rejection_reason":"expired","processed_at":"%s"}"""
                        .formatted(DECIDED)))
                .then(Answer.json(200, RESERVED))
                .then(Answer.problem(409, "order-expired", DECIDED));

        assertThat(reservations.withdraw(command()).block())
                .isEqualTo(new ReservationResult.Withdrawn(Instant.parse(DECIDED)));
        assertThat(reservations.withdraw(command()).block())
                .isEqualTo(new ReservationResult.Reserved(new Money(5997), Instant.parse(DECIDED)));
        assertThat(reservations.reserve(command()).block())
                .as("a reservation of a withdrawn order")
                .isEqualTo(new ReservationResult.Withdrawn(Instant.parse(DECIDED)));
    }

    private HttpStockReservations reservationsAt(URI uri) {
        return new HttpStockReservations(WebClient.create(), new FixedProcessorEndpoint(uri), circuitBreaker, retry,
                bulkhead, Duration.ofMillis(300));
    }

    private static ReserveStockCommand command() {
        return new ReserveStockCommand(new OrderId("o-1"), new ProductId("p-1"), new Quantity(3),
                new CustomerId("c-1"));
    }
}
