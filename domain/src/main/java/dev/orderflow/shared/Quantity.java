package dev.orderflow.shared;

/** How many units one order asks for. The upper bound keeps price arithmetic far from overflow. */
public record Quantity(int value) {

    public static final int MAX = 10_000;

    public Quantity {
        requireInRange(value);
    }

    /** For input read as a long (JSON), so that values beyond an int get the same answer instead of wrapping. */
    public static Quantity of(long value) {
        requireInRange(value);
        return new Quantity((int) value);
    }

    private static void requireInRange(long value) {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("quantity must be a whole number from 1 to " + MAX);
        }
    }
}
