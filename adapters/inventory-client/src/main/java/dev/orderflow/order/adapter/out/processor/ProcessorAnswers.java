package dev.orderflow.order.adapter.out.processor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.inventory.ReservationConflictException;
import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.OrderId;
import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Reads the processor's answers (design.md, processor API) into the inventory's published result type. */
final class ProcessorAnswers {

    private static final String PROBLEMS = "https://orderflow.dev/problems/";

    private final Clock clock;

    ProcessorAnswers(Clock clock) {
        this.clock = clock;
    }

    /** The answer to {@code POST /process-order} with the given status and body. */
    Mono<ReservationResult> reservation(OrderId orderId, int status, JsonNode body) {
        if (status == 200) {
            return Mono.just(reserved(body));
        }
        String type = text(body, "type");
        if (status == 409 && type.equals(PROBLEMS + "insufficient-stock")) {
            return Mono.just(new ReservationResult.InsufficientStock(processedAt(body)));
        }
        if (status == 422 && type.equals(PROBLEMS + "unknown-product")) {
            return Mono.just(new ReservationResult.UnknownProduct(processedAt(body)));
        }
        if (status == 409 && type.equals(PROBLEMS + "order-expired")) {
            return Mono.just(new ReservationResult.Withdrawn(processedAt(body)));
        }
        if (status == 422 && type.equals(PROBLEMS + "order-id-reused")) {
            return Mono.error(new ReservationConflictException(orderId));
        }
        return Mono.error(unexpected(status));
    }

    /** The answer to {@code POST /withdraw-order}: always the decision that stands. */
    Mono<ReservationResult> withdrawal(OrderId orderId, int status, JsonNode body) {
        if (status == 422 && text(body, "type").equals(PROBLEMS + "order-id-reused")) {
            return Mono.error(new ReservationConflictException(orderId));
        }
        return status == 404 ? Mono.error(unexpected(status)) : decision(status, body);
    }

    /** The answer to {@code GET /reservations/{order_id}}: empty when the processor never decided. */
    Mono<ReservationResult> decision(int status, JsonNode body) {
        if (status == 404) {
            return Mono.empty();
        }
        if (status != 200) {
            return Mono.error(unexpected(status));
        }
        return switch (text(body, "status")) {
            case "confirmed" -> Mono.just(reserved(body));
            case "rejected" -> Mono.just(switch (text(body, "rejection_reason")) {
                case "insufficient_stock" -> new ReservationResult.InsufficientStock(processedAt(body));
                case "expired" -> new ReservationResult.Withdrawn(processedAt(body));
                default -> new ReservationResult.UnknownProduct(processedAt(body));
            });
            default -> Mono.error(new IllegalStateException("unreadable reservation: " + body));
        };
    }

    private ReservationResult.Reserved reserved(JsonNode body) {
        return new ReservationResult.Reserved(Money.ofDecimal(body.path("total_price").decimalValue()),
                processedAt(body));
    }

    private Instant processedAt(JsonNode body) {
        String text = text(body, "processed_at");
        return text.isEmpty() ? clock.instant() : Instant.parse(text);
    }

    /** 5xx is the processor's trouble and worth retrying; any other surprise is a bug retrying cannot fix. */
    private static RuntimeException unexpected(int status) {
        return status >= 500 ? ProcessorFailure.status(status) : new ProcessorRefusedRequestException(status);
    }

    private static String text(JsonNode body, String field) {
        return body == null ? "" : body.path(field).asText("");
    }
}
