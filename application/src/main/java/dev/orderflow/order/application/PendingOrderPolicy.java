package dev.orderflow.order.application;

import java.time.Duration;
import java.util.Objects;

/**
 * When the recovery step may touch a pending order.
 *
 * @param minimumAge  younger pending orders may still have a request in flight; waiting this long (longer than a
 *                    request's whole deadline) keeps recovery from racing the request that created the order
 * @param maximumAge  older pending orders are rejected as expired instead of reserving stock so long after the
 *                    client asked; an order the inventory already decided on is still resolved as decided
 * @param batchSize   how many pending orders one run looks at, to bound its work
 */
public record PendingOrderPolicy(Duration minimumAge, Duration maximumAge, int batchSize) {

    public PendingOrderPolicy {
        Objects.requireNonNull(minimumAge, "minimumAge");
        Objects.requireNonNull(maximumAge, "maximumAge");
        if (minimumAge.isNegative() || maximumAge.compareTo(minimumAge) <= 0) {
            throw new IllegalArgumentException("need 0 <= minimumAge < maximumAge");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
    }
}
