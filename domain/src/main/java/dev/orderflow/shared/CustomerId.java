package dev.orderflow.shared;

public record CustomerId(String value) {

    public CustomerId {
        Identifiers.require(value, "customer_id");
    }

    @Override
    public String toString() {
        return value;
    }
}
