package dev.orderflow.shared;

public record ProductId(String value) {

    public ProductId {
        Identifiers.require(value, "product_id");
    }

    @Override
    public String toString() {
        return value;
    }
}
