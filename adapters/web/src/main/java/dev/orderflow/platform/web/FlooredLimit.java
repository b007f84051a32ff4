package dev.orderflow.platform.web;

import com.netflix.concurrency.limits.Limit;
import java.util.function.Consumer;

/**
 * A limit algorithm that never goes below a floor. Vegas can fall to one request at a time after a latency spike
 * (a garbage collection, a cold start); so few would leave the cores idle while the queue times out.
 */
final class FlooredLimit implements Limit {

    private final Limit algorithm;
    private final int floor;

    FlooredLimit(Limit algorithm, int floor) {
        this.algorithm = algorithm;
        this.floor = floor;
    }

    @Override
    public int getLimit() {
        return Math.max(floor, algorithm.getLimit());
    }

    @Override
    public void notifyOnChange(Consumer<Integer> consumer) {
        algorithm.notifyOnChange(limit -> consumer.accept(Math.max(floor, limit)));
    }

    @Override
    public void onSample(long startTime, long rtt, int inflight, boolean didDrop) {
        algorithm.onSample(startTime, rtt, inflight, didDrop);
    }
}
