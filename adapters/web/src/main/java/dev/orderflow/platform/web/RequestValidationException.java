package dev.orderflow.platform.web;

import java.util.List;

/** The request was well-formed JSON, but these fields are missing or invalid. Nothing was changed. */
public class RequestValidationException extends RuntimeException {

    private final transient List<FieldError> errors;

    public RequestValidationException(List<FieldError> errors) {
        super("invalid fields: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
