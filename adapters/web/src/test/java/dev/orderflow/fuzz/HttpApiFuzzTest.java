package dev.orderflow.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.fuzz.FuzzedServices.Answer;
import dev.orderflow.testing.OrderFlowFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated requests (bodies, content types, Idempotency-Keys, path ids) thrown at both services' HTTP APIs over
 * a real socket. Whatever comes in: never a 5xx, never a stack trace or class name in a body, every error a
 * problem+json, and a refused request changes nothing. The number of tries is bounded for CI (see
 * junit-platform.properties); run longer with {@code -Djqwik.tries.default=100000}. Inputs that once broke
 * something are kept in {@code src/test/resources/fuzz-corpus} and replayed on every build.
 */
class HttpApiFuzzTest {

    private static final List<String> LEAKS = List.of("Exception", "at dev.", "at java.", "jackson", "Jackson",
            "springframework", "reactor.", "software.amazon");
    private static FuzzedServices services;

    @BeforeContainer
    @BeforeAll
    static void start() {
        if (services == null) {
            services = new FuzzedServices();
        }
    }

    @AfterContainer
    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
            services = null;
        }
    }

    @Property
    void anyBodyAtAnyWritingEndpointIsAnsweredCleanly(@ForAll("writes") String target, @ForAll("bodies") String body,
                                                      @ForAll("contentTypes") String contentType,
                                                      @ForAll("keys") String key) {
        String[] methodAndPath = target.split(" ", 2);
        check(methodAndPath[0], methodAndPath[1], contentType, key, body.getBytes(StandardCharsets.UTF_8));
    }

    @Property
    void anyIdInAnyPathIsAnsweredCleanly(@ForAll("reads") String path, @ForAll("ids") String id) {
        check("GET", path + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"), null, null, null);
    }

    static Stream<String> corpus() throws IOException {
        Path folder = Path.of("src/test/resources/fuzz-corpus");
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().map(file -> {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList().stream();
        }
    }

    /** Each corpus file is a body once found troublesome; it is sent to every writing endpoint. */
    @ParameterizedTest
    @MethodSource("corpus")
    void everyInputOfTheRegressionCorpusIsAnsweredCleanly(String body) {
        for (String target : List.of("POST /orders", "POST /process-order", "POST /withdraw-order",
                "PUT /inventory/fuzz-product")) {
            String[] methodAndPath = target.split(" ", 2);
            check(methodAndPath[0], methodAndPath[1], "application/json", null, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void check(String method, String path, String contentType, String key, byte[] body) {
        OrderFlowFixture flow = services.flow;
        long stockBefore = flow.inventory.stockOf(OrderFlowFixture.WIDGET);
        int ordersBefore = flow.orders.size();
        int reservationsBefore = flow.inventory.reservationCount();

        Answer answer = services.send(method, path, contentType, key, body);

        assertThat(answer.status()).as("%s %s", method, path).isLessThan(500);
        assertThat(answer.body()).doesNotContain(LEAKS);
        if (answer.status() >= 400) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(flow.inventory.stockOf(OrderFlowFixture.WIDGET)).isEqualTo(stockBefore);
        }
        // 409 and 422 are business rejections of a valid request, which are recorded (and take no stock).
        if (answer.status() >= 400 && answer.status() != 409 && answer.status() != 422) {
            assertThat(flow.orders.size()).isEqualTo(ordersBefore);
            assertThat(flow.inventory.reservationCount()).isEqualTo(reservationsBefore);
        }
    }

    @Provide
    Arbitrary<String> writes() {
        return Arbitraries.of("POST /orders", "POST /orders/", "POST /process-order", "POST /withdraw-order",
                "PUT /inventory/widget-1",
                "PUT /inventory/fuzz-product");
    }

    @Provide
    Arbitrary<String> reads() {
        return Arbitraries.of("/orders/", "/reservations/", "/inventory/");
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "application/problem+json",
                "text/plain", "application/x-www-form-urlencoded", "application/xml", "*/*", "application/json;;",
                "garbage");
    }

    @Provide
    Arbitrary<String> keys() {
        // printable ASCII without spaces is valid up to 255 characters; spaces and longer keys are not
        return Arbitraries.oneOf(Arbitraries.just(null),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(300),
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(40)
                        .filter(key -> !key.isBlank()));
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(200),
                Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-', '_', ':', '.', '@')
                        .ofMinLength(1).ofMaxLength(140));
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(orderShaped(), Arbitraries.strings().ofMaxLength(200), jsonValues());
    }

    /** Objects with the right field names and wrong, odd or extreme values, which reach the deepest code. */
    private Arbitrary<String> orderShaped() {
        Arbitrary<String> value = jsonValues();
        return Combinators.combine(value, value, value, value, value, value, Arbitraries.of(true, false))
                .as((orderId, product, quantity, customer, stock, price, withExtra) -> "{\"order_id\":" + orderId
                        + ",\"product_id\":" + product + ",\"quantity\":" + quantity + ",\"customer_id\":" + customer
                        + ",\"stock\":" + stock + ",\"price\":" + price + ",\"name\":" + customer
                        + (withExtra ? ",\"extra\":{\"nested\":[1,2,{}]}" : "") + "}");
    }

    private Arbitrary<String> jsonValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "[]", "{}", "\"\"", "\"widget-1\"", "0", "-1", "1", "1.0",
                        "1.5", "1e3", "1e400", "-0", "99999999999999999999999", "10001", "0.001", "19.99",
                        "\"\\u0000\"", "\"\\ud800\"", "[\"widget-1\"]", "{\"$gt\":0}"),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? Double.toString(d) : "0"),
                Arbitraries.strings().ofMaxLength(150).map(HttpApiFuzzTest::quoted));
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
