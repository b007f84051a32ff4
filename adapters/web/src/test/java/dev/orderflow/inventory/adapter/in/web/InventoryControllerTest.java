package dev.orderflow.inventory.adapter.in.web;

import static dev.orderflow.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.shared.ProductId;
import dev.orderflow.testing.OrderFlowFixture;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The operators' inventory API. */
@WebFluxTest
@Import(InventoryWebTestConfiguration.class)
class InventoryControllerTest {

    @Autowired
    private WebTestClient client;

    @Autowired
    private OrderFlowFixture flow;

    @Test
    void createsReadsAndReplacesAProduct() {
        String productId = "p-" + UUID.randomUUID();

        put(productId, "{\"stock\":5,\"price\":19.99,\"name\":\"Widget\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.stock").isEqualTo(5).jsonPath("$.price").isEqualTo(19.99);
        put(productId, "{\"stock\":500,\"price\":20,\"name\":\"Widget v2\"}").expectStatus().isOk();

        client.get().uri("/inventory/" + productId).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.product_id").isEqualTo(productId)
                .jsonPath("$.stock").isEqualTo(500)
                .jsonPath("$.price").isEqualTo(20.0)
                .jsonPath("$.name").isEqualTo("Widget v2");
    }

    @Test
    void answers404ForAnUnknownProduct() {
        assertProblem(client.get().uri("/inventory/" + UUID.randomUUID()).exchange(), 404, "not-found");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"stock\":-1,\"price\":1,\"name\":\"n\"}|stock",
        "{\"stock\":1.5,\"price\":1,\"name\":\"n\"}|stock",
        "{\"stock\":\"5\",\"price\":1,\"name\":\"n\"}|stock",
        "{\"price\":1,\"name\":\"n\"}|stock",
        "{\"stock\":1,\"price\":-1,\"name\":\"n\"}|price",
        "{\"stock\":1,\"price\":1.999,\"name\":\"n\"}|price",
        "{\"stock\":1,\"price\":\"1\",\"name\":\"n\"}|price",
        "{\"stock\":1,\"price\":1,\"name\":\"\"}|name",
        "{\"stock\":1,\"price\":1}|name"})
    void refusesAnInvalidProductAndKeepsTheOldOne(String body, String field) {
        long before = flow.inventory.stockOf(OrderFlowFixture.WIDGET);

        assertThat(assertProblem(put(OrderFlowFixture.WIDGET.value(), body), 400, "validation-failed"))
                .contains("\"field\":\"" + field + "\"");
        assertThat(flow.inventory.stockOf(OrderFlowFixture.WIDGET)).isEqualTo(before);
    }

    @Test
    void refusesAnInvalidProductIdInThePath() {
        assertThat(assertProblem(put("bad:id!", "{\"stock\":1,\"price\":1,\"name\":\"n\"}"), 400,
                "validation-failed")).contains("\"field\":\"product_id\"");
        assertThat(flow.inventory.find(new ProductId("bad:id")).block()).isNull();
    }

    private WebTestClient.ResponseSpec put(String productId, String body) {
        return client.put().uri("/inventory/" + productId).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }
}
