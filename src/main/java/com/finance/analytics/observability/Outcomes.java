package com.finance.analytics.observability;

import com.finance.analytics.error.ErrorCode;

/**
 * The values of every {@code outcome} tag: {@code ok}, or the stable error code the
 * caller got, so dashboards and alerts speak the API's own codes.
 */
final class Outcomes {

	static final String OK = "ok";

	private Outcomes() {
	}

	/** The outcome of a response that left with this HTTP status. */
	static String ofHttpStatus(int status) {
		return status < 400 ? OK : ErrorCode.ofHttpStatus(status).name();
	}

}
