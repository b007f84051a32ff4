package dev.orderflow.platform.web;

/** The body is not a JSON object at all (empty, unparseable, an array, null). Nothing was changed. */
public class MalformedRequestException extends RuntimeException {

    public MalformedRequestException(String detail) {
        super(detail);
    }
}
