package dev.orderflow.inventory.adapter.in.web;

class NotFoundException extends RuntimeException {

    NotFoundException(String what) {
        super(what, null, false, false);
    }
}
