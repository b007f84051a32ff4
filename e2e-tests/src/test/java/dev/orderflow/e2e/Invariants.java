package dev.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.e2e.OrderLoad.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** docs/design.md's invariants, checked on what is stored after a fault, and on what the clients saw during it. */
final class Invariants {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Invariants() {
    }

    /**
     * Waits until no order for the product is pending any more (the recovery step's job), then checks that the
     * stock, the orders and the reservations agree, and that every order a client was told is placed is confirmed.
     */
    static void holdAfterFault(Tables tables, Api inventory, String product, long initialStock,
                               List<Outcome> outcomes, Duration allowedToSettle) {
        // Settled: nothing pending, and every order answered 202 exists: one whose create outcome stayed unknown is
        // created in the background once the store answers again, and then decided like any other.
        List<String> toldStored = outcomes.stream().filter(outcome -> outcome.status() == 202)
                .map(outcome -> json(outcome.body()).get("order_id").asText()).toList();
        await().atMost(allowedToSettle).pollInterval(Duration.ofMillis(500))
                .until(() -> !tables.orderStatuses(product).containsKey("pending")
                        && tables.orderStatusesById(product).keySet().containsAll(toldStored));
        Map<String, Long> stored = tables.orderStatuses(product);
        long confirmed = stored.getOrDefault("confirmed", 0L);
        long stock = inventory.get("/inventory/" + product).json().get("stock").asLong();

        assertThat(stock).isGreaterThanOrEqualTo(0);
        assertThat(initialStock - stock).as("stock taken = confirmed orders").isEqualTo(confirmed);
        assertThat(tables.reservedUnits(product)).as("reserved units = confirmed orders").isEqualTo(confirmed);
        Map<String, String> statusById = tables.orderStatusesById(product);
        outcomes.stream().filter(outcome -> outcome.status() == 201 || outcome.status() == 200)
                .forEach(placed -> assertThat(statusById.get(json(placed.body()).get("order_id").asText()))
                        .as("an order a client was told is placed").isEqualTo("confirmed"));
        outcomes.stream().filter(outcome -> outcome.status() == 202)
                .forEach(accepted -> assertThat(statusById.get(json(accepted.body()).get("order_id").asText()))
                        .as("an order a client was told is stored, decided later").isIn("confirmed", "rejected"));
        Map<String, String> statusByCustomer = tables.orderStatusesByCustomer(product);
        assertThat(outcomes.stream().filter(outcome -> outcome.status() == 503)
                .filter(notPlaced -> statusByCustomer.containsKey(notPlaced.customer())))
                .as("orders stored although their client was told 503 (not placed)").isEmpty();
    }

    /**
     * No hang, no 500: every error is a 503 problem with Retry-After, which means nothing was stored. An order that
     * was stored but not decided is a 202, not an error.
     */
    static void errorsWereClear(List<Outcome> outcomes) {
        assertThat(outcomes).noneMatch(Outcome::hung);
        List<Outcome> errors = errors(outcomes);
        assertThat(errors).allSatisfy(error -> {
            assertThat(error.status()).as(error.body()).isEqualTo(503);
            assertThat(error.contentType()).startsWith("application/problem+json");
            assertThat(error.retryAfter()).isNotBlank();
        });
    }

    static List<Outcome> errors(List<Outcome> outcomes) {
        return outcomes.stream().filter(outcome -> outcome.status() >= 400 && outcome.status() != 409).toList();
    }

    static Duration p99(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = outcomes.stream().map(Outcome::latency).sorted(Comparator.naturalOrder()).toList();
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }

    static String summary(List<Outcome> outcomes) {
        Map<Integer, Long> byStatus = outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::status, java.util.TreeMap::new, Collectors.counting()));
        return byStatus + ", errors p99 " + p99(errors(outcomes)).toMillis() + " ms";
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
