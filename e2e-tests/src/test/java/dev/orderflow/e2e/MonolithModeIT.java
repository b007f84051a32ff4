package dev.orderflow.e2e;

/** The same contract with INVENTORY_MODE=embedded: one process, the inventory module in-process. */
class MonolithModeIT extends OrderFlowEndToEndTest {

    @Override
    OrderflowSystem.Mode mode() {
        return OrderflowSystem.Mode.MONOLITH;
    }
}
