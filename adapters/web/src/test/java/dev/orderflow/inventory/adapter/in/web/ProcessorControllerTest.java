package dev.orderflow.inventory.adapter.in.web;

import static dev.orderflow.platform.web.ProblemAssertions.assertProblem;
import static dev.orderflow.testing.OrderFlowFixture.WIDGET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testing.OrderFlowFixture;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The processor's API for the gateway and its health, over the real use cases on in-memory stores. */
@WebFluxTest
@Import(InventoryWebTestConfiguration.class)
class ProcessorControllerTest {

    @Autowired
    private WebTestClient client;

    @Autowired
    private OrderFlowFixture flow;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private AtomicBoolean storeUp;

    private long stockBefore;

    @BeforeEach
    void remember() {
        storeUp.set(true);
        stockBefore = flow.inventory.stockOf(WIDGET);
    }

    @Test
    void reservesStockAndAnswersTheSameForARepeat() {
        String orderId = UUID.randomUUID().toString();
        double reservedBefore = meters.counter("orderflow.reservations", "outcome", "reserved").count();

        String first = new String(reserve(orderId, "widget-1", 3).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.order_id").isEqualTo(orderId)
                .jsonPath("$.status").isEqualTo("confirmed")
                .jsonPath("$.total_price").isEqualTo(59.97)
                .jsonPath("$.processed_at").isNotEmpty()
                .returnResult().getResponseBody());

        reserve(orderId, "widget-1", 3).expectStatus().isOk().expectBody().json(first);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(stockBefore - 3);
        assertThat(meters.counter("orderflow.reservations", "outcome", "reserved").count())
                .isEqualTo(reservedBefore + 2);
        client.get().uri("/reservations/" + orderId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("confirmed").jsonPath("$.total_price").isEqualTo(59.97);
    }

    @Test
    void answersInsufficientStockWith409CarryingTheDecisionTime() {
        String orderId = UUID.randomUUID().toString();

        String body = assertProblem(reserve(orderId, "widget-1", 5000), 409, "insufficient-stock");

        assertThat(body).contains("\"processed_at\"", "\"order_id\":\"" + orderId + "\"");
        client.get().uri("/reservations/" + orderId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("rejected")
                .jsonPath("$.rejection_reason").isEqualTo("insufficient_stock");
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(stockBefore);
    }

    @Test
    void answersUnknownProductWith422() {
        assertThat(assertProblem(reserve(UUID.randomUUID().toString(), "ghost", 1), 422, "unknown-product"))
                .contains("\"processed_at\"");
    }

    @Test
    void refusesAnOrderIdReusedForAnotherOrder() {
        String orderId = UUID.randomUUID().toString();
        reserve(orderId, "widget-1", 1).expectStatus().isOk();

        assertProblem(reserve(orderId, "widget-1", 2), 422, "order-id-reused");
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(stockBefore - 1);
    }

    @Test
    void withdrawsAnUndecidedOrderSoThatALateReservationTakesNothing() {
        String orderId = UUID.randomUUID().toString();
        String order = "{\"order_id\":\"%s\",\"product_id\":\"widget-1\",\"quantity\":1,\"customer_id\":\"c-1\"}"
                .formatted(orderId);

        client.post().uri("/withdraw-order").contentType(MediaType.APPLICATION_JSON).bodyValue(order).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("rejected")
                .jsonPath("$.rejection_reason").isEqualTo("expired");

        assertProblem(reserve(orderId, "widget-1", 1), 409, "order-expired");
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(stockBefore);
    }

    @Test
    void answersTheReservationThatStandsWhenAskedToWithdrawADecidedOrder() {
        String orderId = UUID.randomUUID().toString();
        reserve(orderId, "widget-1", 1).expectStatus().isOk();

        client.post().uri("/withdraw-order").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"order_id\":\"%s\",\"product_id\":\"widget-1\",\"quantity\":1,\"customer_id\":\"c-1\"}"
                        .formatted(orderId))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("confirmed");
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(stockBefore - 1);
    }

    @Test
    void answers404ForAnOrderItNeverSaw() {
        assertProblem(client.get().uri("/reservations/" + UUID.randomUUID()).exchange(), 404, "not-found");
        assertProblem(client.get().uri("/reservations/bad id").exchange(), 404, "not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"order_id\":\"\",\"product_id\":\"widget-1\",\"quantity\":1,\"customer_id\":\"c\"}",
        "{\"order_id\":\"o\",\"product_id\":\"widget-1\",\"quantity\":0,\"customer_id\":\"c\"}",
        "{\"order_id\":\"o\",\"product_id\":\"widget-1\",\"quantity\":2.5,\"customer_id\":\"c\"}",
        "{\"order_id\":\"o\",\"product_id\":\"widget-1\",\"quantity\":\"1\",\"customer_id\":\"c\"}",
        "{\"order_id\":7,\"product_id\":\"widget-1\",\"quantity\":1,\"customer_id\":\"c\"}"})
    void refusesInvalidReservationsAndWithdrawals(String body) {
        assertProblem(client.post().uri("/process-order").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange(), 400, "validation-failed");
        assertProblem(client.post().uri("/withdraw-order").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange(), 400, "validation-failed");
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(stockBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "null", "{oops"})
    void refusesBodiesThatAreNotOneJsonObject(String body) {
        assertProblem(client.post().uri("/process-order").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange(), 400, "malformed-request");
    }

    @Test
    void refusesNonJson() {
        assertProblem(client.post().uri("/process-order").contentType(MediaType.TEXT_PLAIN).bodyValue("order")
                .exchange(), 415, "unsupported-media-type");
    }

    @Test
    void reportsHealthFromItsStore() {
        client.get().uri("/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("healthy");

        storeUp.set(false);

        client.get().uri("/health").exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo("unhealthy");
    }

    private WebTestClient.ResponseSpec reserve(String orderId, String productId, int quantity) {
        return client.post().uri("/process-order").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"order_id\":\"%s\",\"product_id\":\"%s\",\"quantity\":%d,\"customer_id\":\"c-1\"}"
                        .formatted(orderId, productId, quantity))
                .exchange();
    }
}
