package com.finance.analytics.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class TokenConfigurationFailureAnalyzerTest {

	@Test
	void reportsAShortSecretWithWhatToDo() {
		Throwable refused = catchThrowable(() -> new JwtVerifier(JwtVerifierTest.properties("short", "", "")));
		BeanCreationException startup = new BeanCreationException("jwtVerifier", "Failed to instantiate", refused);

		FailureAnalysis analysis = new TokenConfigurationFailureAnalyzer().analyze(startup);

		assertThat(analysis.getDescription())
			.isEqualTo("ANALYTICS_JWT_SECRET is too short: 5 bytes, at least 32 are" + " required for HS256");
		assertThat(analysis.getAction()).contains("at least 32 bytes");
	}

	@Test
	void leavesOtherFailuresToOtherAnalyzers() {
		assertThat(new TokenConfigurationFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
	}

}
