package dev.orderflow.platform.web;

import dev.orderflow.platform.http.ProblemType;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds problem+json answers; the only way errors leave the services, so no internals can slip out. */
public final class Problems {

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> of(ProblemType type, String detail, String path) {
        return of(type, detail, path, Map.of(), null);
    }

    /**
     * @param extensions extra members such as {@code order_id}; values must be safe to show a client
     * @param retryAfter set on 503 answers so clients and load balancers back off for the right time
     */
    public static ResponseEntity<ProblemDetail> of(ProblemType type, String detail, String path,
                                                   Map<String, Object> extensions, Duration retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        if (path != null) {
            problem.setInstance(java.net.URI.create(path));
        }
        extensions.forEach(problem::setProperty);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(type.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
        }
        return response.body(problem);
    }

    /** Whole seconds, rounded up and at least one: Retry-After cannot say less, and 0 would invite a busy loop. */
    private static long retryAfterSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
