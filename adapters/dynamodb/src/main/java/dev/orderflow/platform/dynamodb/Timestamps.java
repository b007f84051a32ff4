package dev.orderflow.platform.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as stored: ISO-8601 UTC with a fixed nine-digit fraction, so that string order is time order (the
 * pending-orders index sorts on it) and nothing is lost on the way back.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    public static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
