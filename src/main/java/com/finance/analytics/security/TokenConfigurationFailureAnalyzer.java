package com.finance.analytics.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused token configuration into Spring Boot's short start-up report instead of
 * a stack trace.
 */
class TokenConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTokenConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTokenConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
