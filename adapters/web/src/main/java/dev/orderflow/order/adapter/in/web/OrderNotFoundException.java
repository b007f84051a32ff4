package dev.orderflow.order.adapter.in.web;

class OrderNotFoundException extends RuntimeException {

    OrderNotFoundException() {
        super("no such order");
    }
}
