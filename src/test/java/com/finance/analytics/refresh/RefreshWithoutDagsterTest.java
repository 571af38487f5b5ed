package com.finance.analytics.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import com.finance.analytics.GatewayTest;
import com.finance.analytics.SignedIn;
import com.finance.analytics.security.Caller;

/**
 * The gateway serving the real test snapshot while Dagster is down: the refresh fields
 * answer with stable error codes and the data queries keep working.
 */
@GatewayTest
@DagsterDown
class RefreshWithoutDagsterTest {

	private static final UUID OPERATOR = UUID.fromString("0b7c1a52-3f7e-4e0a-9d55-7d1f4b1f2a01");

	@Autowired
	private HttpGraphQlTester anonymous;

	@Test
	void dagsterDownMakesRefreshUnavailableWhileQueriesKeepWorking() {
		HttpGraphQlTester operator = SignedIn.as(anonymous, OPERATOR, Caller.REFRESH_SCOPE);

		operator.documentName("refreshAnalytics").execute().errors().satisfy(errors -> {
			assertThat(errors).extracting(SignedIn::code).containsExactly("UNAVAILABLE");
			assertThat(errors.getFirst().getMessage()).doesNotContain("Exception", "127.0.0.1");
		});
		operator.documentName("statusAndDatasetIds")
			.execute()
			.path("analyticsStatus.available")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("datasets")
			.entityList(Object.class)
			.satisfies(datasets -> assertThat(datasets).isNotEmpty());
	}

	@Test
	void callerWithoutTheRefreshScopeIsForbidden() {
		HttpGraphQlTester user = SignedIn.as(anonymous, OPERATOR);

		user.documentName("refreshAnalytics")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(SignedIn::code).containsExactly("FORBIDDEN"));
		user.documentName("refreshRun")
			.variable("id", UUID.randomUUID())
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(SignedIn::code).containsExactly("FORBIDDEN"));
	}

	@Test
	void refreshRunIdThatIsNotARunIdIsABadRequest() {
		HttpGraphQlTester operator = SignedIn.as(anonymous, OPERATOR, Caller.REFRESH_SCOPE);

		operator.documentName("refreshRun")
			.variable("id", "'; drop table runs; --")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(SignedIn::code).containsExactly("BAD_REQUEST"));
	}

}
