package dev.orderflow.platform.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpMethod;

/**
 * {@code orderflow.admission.*}: how many order requests a service runs at once, and how long the rest may wait
 * (AdmissionControlFilter; the values: ADR 0018).
 */
@ConfigurationProperties("orderflow.admission")
public record AdmissionProperties(int initialLimit, int minLimit, int maxLimit, int maxQueue, Duration maxWait,
                                  Duration latencyTarget) {

    /** A filter that admits POST requests to these paths, and lets every other request through. */
    public AdmissionControlFilter filterFor(Set<String> postPaths, ProblemWriter problems, MeterRegistry meters) {
        return new AdmissionControlFilter(
                request -> request.getMethod() == HttpMethod.POST && postPaths.contains(request.getPath().value()),
                new AdmissionControlFilter.Settings(initialLimit, minLimit, maxLimit, maxQueue, maxWait, latencyTarget),
                problems, meters);
    }
}
