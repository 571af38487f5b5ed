package com.finance.analytics.error;

/**
 * A failure the caller is meant to see: its message is safe to show (no SQL, no stack, no
 * other user's data) and its code is stable. Built through
 * {@link ErrorCode#exception(String)}.
 */
public class AnalyticsException extends RuntimeException {

	private final ErrorCode code;

	AnalyticsException(ErrorCode code, String message) {
		super(message);
		this.code = code;
	}

	AnalyticsException(ErrorCode code, String message, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	public ErrorCode code() {
		return code;
	}

}
