package dev.orderflow.platform.http;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Every kind of error a client can get, each with a stable {@code type} URI (RFC 9457) that clients may branch
 * on; the title is fixed per type, the detail says what happened this time.
 */
public enum ProblemType {

    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "validation-failed", "The request has invalid fields"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "The request body is not a JSON object"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "No acceptable representation"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
            "The request body must be application/json"),
    INSUFFICIENT_STOCK(HttpStatus.CONFLICT, "insufficient-stock", "Not enough stock"),
    ORDER_EXPIRED(HttpStatus.CONFLICT, "order-expired", "The order expired before it could be processed"),
    UNKNOWN_PRODUCT(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-product", "Unknown product"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
            "Idempotency-Key already used for a different order"),
    ORDER_ID_REUSED(HttpStatus.UNPROCESSABLE_ENTITY, "order-id-reused",
            "order_id already used for a different order"),
    INVENTORY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "inventory-unavailable", "The inventory is unavailable"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
            "The service cannot answer right now"),
    OVERLOADED(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "The service is at capacity"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The service failed");

    public static final String BASE = "https://orderflow.dev/problems/";

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.type = URI.create(BASE + slug);
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The problem type a {@code type} member names, for a client reading an answer; empty for any other URI. */
    public static Optional<ProblemType> of(String typeUri) {
        return Arrays.stream(values()).filter(type -> type.type.toString().equals(typeUri)).findFirst();
    }
}
