package dev.orderflow.e2e;

import java.util.List;

/** A service's Prometheus exposition, read as a client such as Prometheus reads it. */
final class Metrics {

    private final List<String> lines;

    private Metrics(String exposition) {
        this.lines = exposition.lines().filter(line -> !line.startsWith("#")).toList();
    }

    static Metrics of(Api management) {
        return new Metrics(management.get("/actuator/prometheus").body());
    }

    /** The sum of a metric's samples whose labels include {@code label="value"}; 0 when there are none. */
    double sum(String metric, String label, String value) {
        String labelled = label + "=\"" + value + "\"";
        return lines.stream()
                .filter(line -> line.startsWith(metric + "{") && line.contains(labelled))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
