package dev.orderflow.order.adapter.in.web;

import static dev.orderflow.platform.web.ProblemAssertions.assertProblem;
import static dev.orderflow.testing.OrderFlowFixture.WIDGET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testing.FaultableStockReservations.Fault;
import dev.orderflow.testing.InMemoryOrderRepository;
import dev.orderflow.testing.OrderFlowFixture;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway's API, every success and every error mapping, over the real use cases on in-memory stores. */
@WebFluxTest
@Import(OrderWebTestConfiguration.class)
class OrderControllerTest {

    @Autowired
    private WebTestClient client;

    @Autowired
    private OrderFlowFixture flow;

    @Autowired
    private MeterRegistry meters;

    private long stockBefore;
    private int ordersBefore;

    @BeforeEach
    void remember() {
        flow.reservations.fail(Fault.NONE);
        stockBefore = flow.inventory.stockOf(WIDGET);
        ordersBefore = flow.orders.size();
    }

    @AfterEach
    void heal() {
        flow.reservations.fail(Fault.NONE);
        flow.orders.heal();
    }

    @Test
    void placesAnOrder() {
        double confirmedBefore = meters.counter("orderflow.orders", "outcome", "confirmed").count();

        String location = post(order(2), null)
                .expectStatus().isCreated()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.order_id").isNotEmpty()
                .jsonPath("$.product_id").isEqualTo("widget-1")
                .jsonPath("$.quantity").isEqualTo(2)
                .jsonPath("$.customer_id").isEqualTo("c-1")
                .jsonPath("$.status").isEqualTo("confirmed")
                .jsonPath("$.total_price").isEqualTo(39.98)
                .jsonPath("$.processed_at").isNotEmpty()
                .jsonPath("$.created_at").isNotEmpty()
                .jsonPath("$.rejection_reason").doesNotExist()
                .returnResult().getResponseHeaders().getLocation().toString();

        assertThat(location).startsWith("/orders/");
        client.get().uri(location).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("confirmed");
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(stockBefore - 2);
        assertThat(meters.counter("orderflow.orders", "outcome", "confirmed").count()).isEqualTo(confirmedBefore + 1);
    }

    @Test
    void acceptsTheTrailingSlashPath() {
        client.post().uri("/orders/").contentType(MediaType.APPLICATION_JSON).bodyValue(order(1))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void replaysTheSameRequestWithTheSameKeyAndRefusesTheKeyForAnotherBody() {
        String key = UUID.randomUUID().toString();
        String first = new String(post(order(1), key).expectStatus().isCreated().expectBody()
                .returnResult().getResponseBody());

        post(order(1), key).expectStatus().isOk().expectBody().json(first);
        assertProblem(post(order(3), key), 422, "idempotency-key-reused");
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(stockBefore - 1);
    }

    @Test
    void answersInsufficientStockWith409AndTheRejectedOrder() {
        String body = assertProblem(post(order(1000), null), 409, "insufficient-stock");

        assertThat(body).contains("\"order_id\"");
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(stockBefore);
    }

    @Test
    void answersUnknownProductWith422() {
        assertProblem(post("{\"product_id\":\"ghost\",\"quantity\":1,\"customer_id\":\"c-1\"}", null), 422,
                "unknown-product");
    }

    @Test
    void answers503AtOnceWithRetryAfterAndStoresNothingWhenTheInventoryIsKnownDown() {
        flow.reservations.fail(Fault.KNOWN_UNAVAILABLE);

        WebTestClient.ResponseSpec response = post(order(1), null);

        response.expectHeader().valueEquals("Retry-After", "7");
        assertProblem(response, 503, "inventory-unavailable");
        assertThat(flow.orders.size()).isEqualTo(ordersBefore);
    }

    @Test
    void answers202WithLocationAndThePendingOrderWhenTheInventoryFailsDuringTheCall() {
        flow.reservations.fail(Fault.UNAVAILABLE);
        double pendingBefore = meters.counter("orderflow.orders", "outcome", "pending").count();

        String location = post(order(1), null)
                .expectStatus().isAccepted()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.status").isEqualTo("pending")
                .returnResult().getResponseHeaders().getLocation().toString();

        client.get().uri(location).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("pending").jsonPath("$.total_price").isEmpty();
        assertThat(meters.counter("orderflow.orders", "outcome", "pending").count()).isEqualTo(pendingBefore + 1);
    }

    @Test
    void answers202WhenTheInventoryTimesOutAfterDecidingAndTheOrderIsConfirmedLater() {
        flow.reservations.fail(Fault.TIMEOUT_AFTER_DECIDING);

        String location = post(order(1), null).expectStatus().isAccepted()
                .expectBody().returnResult().getResponseHeaders().getLocation().toString();

        flow.reservations.fail(Fault.NONE);
        flow.clock.advance(OrderFlowFixture.POLICY.minimumAge().plusSeconds(1));
        flow.recovery.resolvePendingOrders().block();
        client.get().uri(location).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("confirmed");
    }

    @Test
    void answers503WithTheStoresRetryAfterAndStoresNothingWhenTheOrderStoreRefuses() {
        flow.orders.failEveryCall(InMemoryOrderRepository.Fault.REFUSE);

        WebTestClient.ResponseSpec placing = post(order(1), "store-refusing");
        WebTestClient.ResponseSpec reading = client.get().uri("/orders/" + UUID.randomUUID()).exchange();

        placing.expectHeader().valueEquals("Retry-After", "3");
        assertThat(assertProblem(placing, 503, "service-unavailable")).doesNotContain("order_id");
        reading.expectHeader().valueEquals("Retry-After", "3");
        assertProblem(reading, 503, "service-unavailable");
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(stockBefore);
        assertThat(flow.orders.size()).isEqualTo(ordersBefore);
    }

    @Test
    void answers202NeverNotPlacedWhenTheOrderStoreCannotTellWhetherTheOrderWasStored() {
        flow.orders.failNextCalls(InMemoryOrderRepository.Fault.LOSE_ANSWER,
                InMemoryOrderRepository.Fault.FAIL_BEFORE_WRITING);

        String location = post(order(1), null).expectStatus().isAccepted()
                .expectBody().returnResult().getResponseHeaders().getLocation().toString();

        client.get().uri(location).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("pending");
    }

    @Test
    void answers500WithoutDetailsForABugAndNeverTheRetryable503() {
        flow.reservations.fail(Fault.BUG);

        String body = assertProblem(post(order(1), null), 500, "internal-error");

        assertThat(body).doesNotContain("test bug").doesNotContain("Exception");
    }

    @Test
    void answersUnknownAndMalformedOrderIdsWith404() {
        assertProblem(client.get().uri("/orders/" + UUID.randomUUID()).exchange(), 404, "not-found");
        assertProblem(client.get().uri("/orders/not a valid id!").exchange(), 404, "not-found");
    }

    @Test
    void answersUnknownPathsAndMethodsWithProblems() {
        assertProblem(client.get().uri("/nowhere").exchange(), 404, "not-found");
        assertProblem(client.delete().uri("/orders/x").exchange(), 405, "method-not-allowed");
    }

    @Test
    void neverServesMetricsOnTheApplicationPort() {
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec post(String body, String key) {
        return post(body, key, MediaType.APPLICATION_JSON).exchange();
    }

    private WebTestClient.RequestHeadersSpec<?> post(String body, String key, MediaType type) {
        WebTestClient.RequestBodySpec request = client.post().uri("/orders").contentType(type);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.bodyValue(body);
    }

    private static String order(int quantity) {
        return "{\"product_id\":\"widget-1\",\"quantity\":%d,\"customer_id\":\"c-1\"}".formatted(quantity);
    }
}
