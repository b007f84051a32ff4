package dev.orderflow.platform.dynamodb;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * How one attempt of a DynamoDB call failed. Three questions have different answers for each kind, and must not be
 * confused: was anything applied (may a caller say "nothing happened"), is another attempt worthwhile, and is
 * DynamoDB down (should the breaker open)? Overload is not an outage: a slow or throttling DynamoDB is working, and
 * is answered by backoff and admission control, never by declaring it down (ADR 0016).
 */
enum DynamoDbAttempt {

    /** A condition, or a transaction's condition, failed: DynamoDB working as intended. */
    CONDITION_FAILED(true, false, false),
    /** Refused for capacity ({@code ProvisionedThroughputExceededException}, throttling, a throttled transaction). */
    THROTTLED(true, true, false),
    /** No connection could be made: nothing was sent. */
    REFUSED(true, true, true),
    /** No connection of the pool came free in time: nothing was sent; this service is busy, not DynamoDB. */
    NOT_SENT_BUSY(true, true, false),
    /** The connection was lost with the request on it. */
    DROPPED(false, true, true),
    /** DynamoDB answered a server error (5xx). */
    SERVER_ERROR(false, true, true),
    /** The attempt ran out of time: DynamoDB, or this service, is slow. */
    TIMED_OUT(false, true, false),
    /** The circuit is open: the attempt was not made. */
    CIRCUIT_OPEN(true, false, false),
    /** DynamoDB rejected the request itself (validation, missing table, access): a bug or a misconfiguration. */
    REJECTED(true, false, false),
    /** Anything else: not DynamoDB's doing, so nothing to retry and nothing known. */
    OTHER(false, false, false);

    private final boolean nothingApplied;
    private final boolean retryable;
    private final boolean outage;

    DynamoDbAttempt(boolean nothingApplied, boolean retryable, boolean outage) {
        this.nothingApplied = nothingApplied;
        this.retryable = retryable;
        this.outage = outage;
    }

    /** Whether the attempt certainly changed nothing in DynamoDB. */
    boolean nothingApplied() {
        return nothingApplied;
    }

    boolean retryable() {
        return retryable;
    }

    /** Whether it counts against DynamoDB in the circuit breaker. */
    boolean outage() {
        return outage;
    }

    static boolean isOutage(Throwable failure) {
        return of(failure).outage();
    }

    static DynamoDbAttempt of(Throwable failure) {
        Throwable error = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (error instanceof CallNotPermittedException) {
            return CIRCUIT_OPEN;
        }
        if (error instanceof ConditionalCheckFailedException) {
            return CONDITION_FAILED;
        }
        if (error instanceof TransactionCanceledException cancelled) {
            return cancelled.cancellationReasons().stream().anyMatch(DynamoDbAttempt::isThrottling)
                    ? THROTTLED : CONDITION_FAILED;
        }
        if (error instanceof AwsServiceException service) {
            if (service.isThrottlingException()) {
                return THROTTLED;
            }
            return service.statusCode() >= 500 ? SERVER_ERROR : REJECTED;
        }
        if (!(error instanceof SdkException)) {
            return OTHER;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return REFUSED;
            }
            if (cause instanceof ClosedChannelException || isConnectionLost(cause)) {
                return DROPPED;
            }
            if (message(cause).contains("acquire operation took longer")) {
                return NOT_SENT_BUSY;
            }
            if (cause.getClass().getSimpleName().contains("Timeout")) {
                return TIMED_OUT;
            }
        }
        return hasIoCause(error) ? DROPPED : OTHER;
    }

    private static boolean hasIoCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Netty and the SDK report a reset or closed connection as plain IOExceptions. */
    private static boolean isConnectionLost(Throwable cause) {
        String message = message(cause);
        return cause instanceof IOException && (message.contains("connection reset")
                || message.contains("connection was closed") || message.contains("server failed to complete"));
    }

    private static String message(Throwable cause) {
        return cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
    }

    private static boolean isThrottling(CancellationReason reason) {
        return "ThrottlingError".equals(reason.code()) || "ProvisionedThroughputExceeded".equals(reason.code());
    }
}
