package dev.orderflow.shared;

import java.util.regex.Pattern;

/** The one rule all identifiers share, so that ids travel safely in URLs, logs and DynamoDB keys. */
final class Identifiers {

    static final int MAX_LENGTH = 128;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@-]{1," + MAX_LENGTH + "}");

    private Identifiers() {
    }

    static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (!SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to " + MAX_LENGTH
                    + " characters of letters, digits and . _ : @ -");
        }
        return value;
    }
}
