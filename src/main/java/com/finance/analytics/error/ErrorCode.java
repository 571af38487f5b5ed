package com.finance.analytics.error;

/** The stable error codes clients branch on; they appear as {@code extensions.code} and in REST problem details. */
public enum ErrorCode {
    BAD_REQUEST(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    TIMEOUT(504),
    UNAVAILABLE(503),
    /** The caller has too much in progress at once; {@code Retry-After} says when to try again. */
    RATE_LIMITED(429),
    /** Something failed that the caller cannot fix; details are only in the server log. */
    INTERNAL(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
