package dev.orderflow.platform.http;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code rejection_reason} of a rejected order or reservation, as both APIs write it (docs/design.md, the
 * earlier services' snake_case).
 */
public enum RejectionCode {

    INSUFFICIENT_STOCK("insufficient_stock"),
    UNKNOWN_PRODUCT("unknown_product"),
    EXPIRED("expired");

    private final String code;

    RejectionCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The reason a {@code rejection_reason} names; empty for anything else. */
    public static Optional<RejectionCode> of(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }
}
