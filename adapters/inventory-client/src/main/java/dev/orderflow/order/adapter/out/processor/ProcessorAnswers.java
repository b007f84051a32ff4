package dev.orderflow.order.adapter.out.processor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.inventory.ReservationConflictException;
import dev.orderflow.inventory.ReservationResult;
import dev.orderflow.platform.http.ProblemType;
import dev.orderflow.platform.http.RejectionCode;
import dev.orderflow.shared.Money;
import dev.orderflow.shared.OrderId;
import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Reads the processor's answers (docs/design.md, processor API) into the inventory's published result type: the one
 * mapping at this boundary, in the wire vocabulary both sides share (adapter-http-contract). An answer it does not
 * know is an error, never taken for some result.
 */
final class ProcessorAnswers {

    private final Clock clock;

    ProcessorAnswers(Clock clock) {
        this.clock = clock;
    }

    /** The answer to {@code POST /process-order} with the given status and body. */
    Mono<ReservationResult> reservation(OrderId orderId, int status, JsonNode body) {
        if (status == 200) {
            return Mono.just(reserved(body));
        }
        ProblemType type = ProblemType.of(text(body, "type")).orElse(null);
        if (type == null || type.status().value() != status) {
            return Mono.error(unexpected(status));
        }
        Instant processedAt = processedAt(body);
        return switch (type) {
            case INSUFFICIENT_STOCK -> Mono.just(new ReservationResult.InsufficientStock(processedAt));
            case UNKNOWN_PRODUCT -> Mono.just(new ReservationResult.UnknownProduct(processedAt));
            case ORDER_EXPIRED -> Mono.just(new ReservationResult.Withdrawn(processedAt));
            case ORDER_ID_REUSED -> Mono.error(new ReservationConflictException(orderId));
            default -> Mono.error(unexpected(status));
        };
    }

    /** The answer to {@code POST /withdraw-order}: always the decision that stands. */
    Mono<ReservationResult> withdrawal(OrderId orderId, int status, JsonNode body) {
        if (status == 422 && ProblemType.of(text(body, "type")).orElse(null) == ProblemType.ORDER_ID_REUSED) {
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
        String decided = text(body, "status");
        if (decided.equals("confirmed")) {
            return Mono.just(reserved(body));
        }
        RejectionCode reason = RejectionCode.of(text(body, "rejection_reason")).orElse(null);
        if (!decided.equals("rejected") || reason == null) {
            return Mono.error(new IllegalStateException("unreadable reservation: " + body));
        }
        Instant processedAt = processedAt(body);
        return Mono.just(switch (reason) {
            case INSUFFICIENT_STOCK -> new ReservationResult.InsufficientStock(processedAt);
            case UNKNOWN_PRODUCT -> new ReservationResult.UnknownProduct(processedAt);
            case EXPIRED -> new ReservationResult.Withdrawn(processedAt);
        });
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
