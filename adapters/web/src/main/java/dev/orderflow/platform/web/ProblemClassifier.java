package dev.orderflow.platform.web;

import dev.orderflow.platform.http.ProblemType;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which problem a framework error is. Anything unrecognised is a failure of the service, never a client's, and is
 * answered 500: its effect is unknown, so it must not read as the 503 that tells a client nothing happened.
 */
final class ProblemClassifier {

    private ProblemClassifier() {
    }

    static ProblemType classify(Throwable error) {
        if (error instanceof RequestValidationException) {
            return ProblemType.VALIDATION_FAILED;
        }
        if (error instanceof MalformedRequestException || error instanceof DataBufferLimitException) {
            return error instanceof DataBufferLimitException
                    ? ProblemType.PAYLOAD_TOO_LARGE : ProblemType.MALFORMED_REQUEST;
        }
        if (error instanceof ResponseStatusException statusError) {
            HttpStatus status = HttpStatus.resolve(statusError.getStatusCode().value());
            if (status == null) {
                return ProblemType.INTERNAL_ERROR;
            }
            return switch (status) {
                case BAD_REQUEST -> ProblemType.MALFORMED_REQUEST;
                case NOT_FOUND -> ProblemType.NOT_FOUND;
                case METHOD_NOT_ALLOWED -> ProblemType.METHOD_NOT_ALLOWED;
                case NOT_ACCEPTABLE -> ProblemType.NOT_ACCEPTABLE;
                case PAYLOAD_TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
                case UNSUPPORTED_MEDIA_TYPE -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
                default -> status.is4xxClientError() ? ProblemType.MALFORMED_REQUEST : ProblemType.INTERNAL_ERROR;
            };
        }
        return ProblemType.INTERNAL_ERROR;
    }

    /** The detail a client may see: our own messages are written for clients; framework messages are not shown. */
    static String detail(ProblemType type, Throwable error) {
        return switch (type) {
            case MALFORMED_REQUEST -> error instanceof MalformedRequestException ? error.getMessage()
                    : "The request could not be read.";
            case PAYLOAD_TOO_LARGE -> "The request body must not be larger than " + RequestBodyLimitFilter.LIMIT_BYTES
                    + " bytes.";
            case VALIDATION_FAILED -> "Some fields are missing or invalid; see errors.";
            case NOT_FOUND -> "There is nothing at this path.";
            case METHOD_NOT_ALLOWED -> "This method is not supported at this path.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case NOT_ACCEPTABLE -> "This resource is available as application/json only.";
            case INTERNAL_ERROR -> "The service failed while handling this request; what it did is unknown.";
            default -> "The service cannot answer right now; try again shortly.";
        };
    }
}
