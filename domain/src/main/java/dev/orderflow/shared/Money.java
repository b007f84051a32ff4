package dev.orderflow.shared;

import java.math.BigDecimal;

/**
 * An amount in integer minor units (cents), as DynamoDB stores it: no binary floating point anywhere
 * between the stored price and the total a client sees.
 */
public record Money(long minorUnits) {

    private static final int SCALE = 2;
    /** A price cap that keeps every total (price times quantity) exact even for clients that parse JSON numbers as doubles. */
    public static final long MAX_MINOR_UNITS = 1_000_000_000L;

    public Money {
        if (minorUnits < 0 || minorUnits > MAX_MINOR_UNITS * Quantity.MAX) {
            throw new IllegalArgumentException("amount out of range");
        }
    }

    /** Reads a decimal amount in major units (12.5 means 12.50) and refuses fractions of a cent. */
    public static Money ofDecimal(BigDecimal amount) {
        if (amount == null) {
            throw new IllegalArgumentException("price must be given");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("price must not be negative");
        }
        BigDecimal minor = amount.movePointRight(SCALE);
        if (minor.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("price must not have more than " + SCALE + " decimals");
        }
        if (minor.compareTo(BigDecimal.valueOf(MAX_MINOR_UNITS)) > 0) {
            throw new IllegalArgumentException("price must not be above " + BigDecimal.valueOf(MAX_MINOR_UNITS, SCALE));
        }
        return new Money(minor.longValueExact());
    }

    public Money times(Quantity quantity) {
        return new Money(Math.multiplyExact(minorUnits, (long) quantity.value()));
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minorUnits, SCALE);
    }
}
