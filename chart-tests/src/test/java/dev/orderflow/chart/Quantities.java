package dev.orderflow.chart;

import java.math.BigDecimal;
import java.util.Map;

/** Kubernetes resource quantities as the container runtime's numbers, for the forms this chart writes. */
final class Quantities {

    private static final Map<String, Long> BINARY = Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30);

    private Quantities() {
    }

    /** {@code 320Mi} as 335544320. */
    static long bytes(String quantity) {
        String suffix = quantity.length() > 2 ? quantity.substring(quantity.length() - 2) : "";
        Long factor = BINARY.get(suffix);
        if (factor == null) {
            return Long.parseLong(quantity);
        }
        return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * factor;
    }

    /** {@code 1} as 1000000000, {@code 500m} as 500000000. */
    static long nanoCpus(String quantity) {
        BigDecimal cpus = quantity.endsWith("m")
                ? new BigDecimal(quantity.substring(0, quantity.length() - 1)).movePointLeft(3)
                : new BigDecimal(quantity);
        return cpus.movePointRight(9).longValueExact();
    }
}
