package dev.orderflow.order.domain;

public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED
}
