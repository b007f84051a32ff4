package dev.orderflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.order.adapter.out.inprocess.InProcessStockReservations;
import dev.orderflow.order.port.out.StockReservations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway wired in monolith mode on DynamoDB Local: the inventory is reached in-process, and an order goes
 * all the way through both modules to the tables and back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"orderflow.inventory.mode=embedded", "orderflow.dynamodb.create-tables=true",
            "management.server.port=0", "orderflow.recovery.enabled=false"})
class MonolithWiringTest extends DynamoDbLocalSpringTest {

    @Autowired
    private WebTestClient client;

    @Autowired
    private StockReservations reservations;

    @Test
    void placesAnOrderThroughTheInProcessInventory() {
        assertThat(reservations).isInstanceOf(InProcessStockReservations.class);
        client.put().uri("/inventory/mono-1").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"stock\":3,\"price\":2.50,\"name\":\"Mono\"}")
                .exchange().expectStatus().isOk();

        client.post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"product_id\":\"mono-1\",\"quantity\":2,\"customer_id\":\"c-1\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.status").isEqualTo("confirmed")
                .jsonPath("$.total_price").isEqualTo(5.0);

        client.get().uri("/inventory/mono-1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.stock").isEqualTo(1);
    }

    @Test
    void doesNotExposeTheProcessorOnlyEndpoints() {
        client.post().uri("/process-order").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"order_id\":\"o\",\"product_id\":\"p\",\"quantity\":1,\"customer_id\":\"c\"}")
                .exchange().expectStatus().isNotFound();
    }
}
