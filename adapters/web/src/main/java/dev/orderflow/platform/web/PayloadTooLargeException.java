package dev.orderflow.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

public class PayloadTooLargeException extends ResponseStatusException {

    public PayloadTooLargeException(long limit) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, "The request body must not be larger than " + limit + " bytes.");
    }
}
