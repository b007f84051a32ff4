package dev.orderflow.benchmark;

import dev.orderflow.testsupport.ServiceProcess;
import java.time.Duration;

/**
 * CPU time of the processes sharing the machine. CPU per order is steadier than orders/s on a shared 2-core
 * machine whose speed varies from minute to minute, so tuning decisions lean on it.
 */
final class Cpu {

    private Cpu() {
    }

    /** Gateway, processor (0 in monolith mode), and this JVM, which runs DynamoDB Local. */
    static long[] millis(ServiceProcess gateway, ServiceProcess processor) {
        return new long[] {
                of(ProcessHandle.of(gateway.pid()).orElse(null)),
                processor == null ? 0 : of(ProcessHandle.of(processor.pid()).orElse(null)),
                of(ProcessHandle.current())};
    }

    static double perOrder(long[] before, long[] after, int process, long orders) {
        return orders == 0 ? 0 : (after[process] - before[process]) / (double) orders;
    }

    private static long of(ProcessHandle process) {
        return process == null ? 0
                : process.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }
}
