package dev.orderflow.order.adapter.in.web;

import static dev.orderflow.platform.web.ProblemAssertions.assertProblem;
import static dev.orderflow.testing.OrderFlowFixture.WIDGET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testing.OrderFlowFixture;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Every kind of bad input gets a clear 4xx problem, and nothing is stored and no stock moves. */
@WebFluxTest
@Import(OrderWebTestConfiguration.class)
class OrderBadInputTest {

    private static final String LONG_ID = "x".repeat(129);

    @Autowired
    private WebTestClient client;

    @Autowired
    private OrderFlowFixture flow;

    private long stockBefore;
    private int ordersBefore;

    @BeforeEach
    void remember() {
        stockBefore = flow.inventory.stockOf(WIDGET);
        ordersBefore = flow.orders.size();
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("{\"quantity\":1,\"customer_id\":\"c\"}", "product_id"),
                Arguments.of("{\"product_id\":\"widget-1\",\"customer_id\":\"c\"}", "quantity"),
                Arguments.of("{\"product_id\":\"widget-1\",\"quantity\":1}", "customer_id"),
                Arguments.of("{\"product_id\":null,\"quantity\":1,\"customer_id\":\"c\"}", "product_id"),
                Arguments.of("{\"product_id\":\"\",\"quantity\":1,\"customer_id\":\"c\"}", "product_id"),
                Arguments.of("{\"product_id\":\"  \",\"quantity\":1,\"customer_id\":\"c\"}", "product_id"),
                Arguments.of("{\"product_id\":\"a/b\",\"quantity\":1,\"customer_id\":\"c\"}", "product_id"),
                Arguments.of("{\"product_id\":\"" + LONG_ID + "\",\"quantity\":1,\"customer_id\":\"c\"}", "product_id"),
                Arguments.of("{\"product_id\":42,\"quantity\":1,\"customer_id\":\"c\"}", "product_id"),
                Arguments.of("{\"product_id\":\"widget-1\",\"quantity\":1,\"customer_id\":\"\"}", "customer_id"),
                Arguments.of("{\"product_id\":\"widget-1\",\"quantity\":1,\"customer_id\":[\"c\"]}", "customer_id"),
                Arguments.of("{\"product_id\":\"widget-1\",\"quantity\":0,\"customer_id\":\"c\"}", "quantity"),
                Arguments.of("{\"product_id\":\"widget-1\",\"quantity\":-3,\"customer_id\":\"c\"}", "quantity"),
                Arguments.of("{\"product_id\":\"widget-1\",\"quantity\":1.5,\"customer_id\":\"c\"}", "quantity"),
                Arguments.of("{\"product_id\":\"widget-1\",\"quantity\":1.0,\"customer_id\":\"c\"}", "quantity"),
                Arguments.of("{\"product_id\":\"widget-1\",\"quantity\":1e20,\"customer_id\":\"c\"}", "quantity"),
                Arguments.of("{\"product_id\":\"widget-1\",\"quantity\":99999999999999999999,\"customer_id\":\"c\"}",
                        "quantity"),
                Arguments.of("{\"product_id\":\"widget-1\",\"quantity\":10001,\"customer_id\":\"c\"}", "quantity"),
                Arguments.of("{\"product_id\":\"widget-1\",\"quantity\":\"2\",\"customer_id\":\"c\"}", "quantity"),
                Arguments.of("{\"product_id\":\"widget-1\",\"quantity\":true,\"customer_id\":\"c\"}", "quantity"),
                Arguments.of("{\"product_id\":\"widget-1\",\"quantity\":{},\"customer_id\":\"c\"}", "quantity"));
    }

    @ParameterizedTest
    @MethodSource("invalidFields")
    void refusesInvalidFieldsNamingEachOne(String body, String field) {
        String problem = assertProblem(post(body).exchange(), 400, "validation-failed");

        assertThat(problem).contains("\"field\":\"" + field + "\"");
        assertNothingChanged();
    }

    @Test
    void listsEveryOffendingFieldAtOnce() {
        String problem = assertProblem(post("{\"quantity\":0}").exchange(), 400, "validation-failed");

        assertThat(problem).contains("\"field\":\"product_id\"", "\"field\":\"quantity\"", "\"field\":\"customer_id\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "{\"product_id\":", "not json", "[]", "[{}]", "null", "\"text\"", "42",
        "{\"product_id\":\"widget-1\",\"quantity\":1,\"customer_id\":\"c\"} trailing",
        "{\"quantity\":1,\"quantity\":2,\"product_id\":\"widget-1\",\"customer_id\":\"c\"}"})
    void refusesBodiesThatAreNotOneJsonObject(String body) {
        assertProblem(post(body).exchange(), 400, "malformed-request");
        assertNothingChanged();
    }

    @Test
    void refusesAMissingBody() {
        assertProblem(client.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).exchange(), 400,
                "malformed-request");
        assertNothingChanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void refusesBodiesThatAreNotJson(String contentType) {
        assertProblem(client.post().uri("/orders").contentType(MediaType.parseMediaType(contentType))
                .bodyValue(validOrder()).exchange(), 415, "unsupported-media-type");
        assertNothingChanged();
    }

    @Test
    void refusesABodyWithoutContentType() {
        assertProblem(client.post().uri("/orders").bodyValue(validOrder().getBytes(StandardCharsets.UTF_8))
                .exchange(), 415, "unsupported-media-type");
        assertNothingChanged();
    }

    @Test
    void refusesAnOversizedBodyByItsContentLength() {
        String huge = "{\"product_id\":\"widget-1\",\"quantity\":1,\"customer_id\":\"c\",\"padding\":\""
                + "x".repeat(70 * 1024) + "\"}";

        assertProblem(post(huge).exchange(), 413, "payload-too-large");
        assertNothingChanged();
    }

    @Test
    void refusesAnOversizedChunkedBodyWhileReadingIt() {
        Flux<DataBuffer> chunks = Flux.range(0, 80).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(("{\"padding\":\"" + "x".repeat(1000) + "\"}").getBytes(StandardCharsets.UTF_8)));

        assertProblem(client.post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class).exchange(), 413, "payload-too-large");
        assertNothingChanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "has space", "\t"})
    void refusesABadIdempotencyKey(String key) {
        String problem = assertProblem(client.post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key).bodyValue(validOrder()).exchange(), 400, "validation-failed");

        assertThat(problem).contains("Idempotency-Key");
        assertNothingChanged();
    }

    @Test
    void refusesAnOverlongIdempotencyKey() {
        assertProblem(client.post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "k".repeat(256)).bodyValue(validOrder()).exchange(), 400,
                "validation-failed");
        assertNothingChanged();
    }

    private WebTestClient.RequestHeadersSpec<?> post(String body) {
        return client.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private void assertNothingChanged() {
        assertThat(flow.orders.size()).isEqualTo(ordersBefore);
        assertThat(flow.inventory.stockOf(WIDGET)).isEqualTo(stockBefore);
    }

    private static String validOrder() {
        return "{\"product_id\":\"widget-1\",\"quantity\":1,\"customer_id\":\"c\"}";
    }
}
