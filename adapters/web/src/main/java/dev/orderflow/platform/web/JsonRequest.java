package dev.orderflow.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * A request body read strictly, field by field: no coercion (a string "5" is not a quantity, 1.5 is not a whole
 * number), every offending field collected, not just the first. Unknown fields are ignored, so clients that send
 * more than needed keep working.
 */
public final class JsonRequest {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonNode body;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonRequest(JsonNode body) {
        this.body = body;
    }

    /** @throws MalformedRequestException unless the body is one JSON object */
    public static JsonRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedRequestException("The request body is empty; a JSON object is expected.");
        }
        JsonNode node;
        try {
            node = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedRequestException("The request body is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedRequestException("The request body must be a JSON object.");
        }
        return new JsonRequest(node);
    }

    public <T> T text(String field, Function<String, T> value) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            return reject(field, "must be a string");
        }
        return valid(field, () -> value.apply(node.textValue()));
    }

    public <T> T wholeNumber(String field, LongFunction<T> value) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            return reject(field, "must be a whole number");
        }
        if (!node.canConvertToLong()) {
            return reject(field, "is out of range");
        }
        return valid(field, () -> value.apply(node.longValue()));
    }

    public <T> T number(String field, Function<BigDecimal, T> value) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            return reject(field, "must be a number");
        }
        return valid(field, () -> value.apply(node.decimalValue()));
    }

    public void reject(FieldError error) {
        errors.add(error);
    }

    /** @throws RequestValidationException listing every offending field, if there is any */
    public void requireValid() {
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
    }

    private JsonNode present(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return node;
    }

    private <T> T valid(String field, java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            return reject(field, e.getMessage());
        }
    }

    private <T> T reject(String field, String message) {
        errors.add(new FieldError(field, message));
        return null;
    }
}
