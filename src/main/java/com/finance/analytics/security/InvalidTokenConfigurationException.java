package com.finance.analytics.security;

/**
 * Token verification is configured in a way the gateway refuses to start with (a short
 * secret, no key at all, an algorithm outside the supported set). Carries what to do
 * about it for the start-up failure report.
 */
class InvalidTokenConfigurationException extends IllegalStateException {

	private final String action;

	InvalidTokenConfigurationException(String problem, String action) {
		super(problem);
		this.action = action;
	}

	InvalidTokenConfigurationException(String problem, String action, Throwable cause) {
		super(problem, cause);
		this.action = action;
	}

	String action() {
		return action;
	}

}
