package com.finance.analytics.rest;

import com.finance.analytics.error.ErrorCode;
import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem details carrying the GraphQL API's error code as the {@code code} extension member. */
final class Problems {

    static final String CODE = "code";
    /** RFC 9457's type for a problem explained by its status alone; the code says the rest. */
    private static final URI UNTYPED = URI.create("about:blank");

    private Problems() {
    }

    static ResponseEntity<ProblemDetail> of(HttpStatusCode status, ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        withCode(problem, code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Completes a problem detail Spring MVC built: always a {@code type}, and the code. */
    static void withCode(ProblemDetail problem, ErrorCode code) {
        if (problem.getType() == null) {
            problem.setType(UNTYPED);
        }
        problem.setProperty(CODE, code.name());
    }

    static ResponseEntity<ProblemDetail> of(ErrorCode code, String detail) {
        return of(HttpStatusCode.valueOf(code.httpStatus()), code, detail);
    }

    /** The code of a status Spring MVC answered on its own (routing, content negotiation): a client error or ours. */
    static ErrorCode codeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.UNAVAILABLE;
            case 504 -> ErrorCode.TIMEOUT;
            default -> status.is4xxClientError() ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL;
        };
    }
}
