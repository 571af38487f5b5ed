package com.finance.analytics.security;

import java.util.Map;
import java.util.UUID;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code analytics.limits.introspection=false} the live gateway refuses schema
 * introspection as a bad request.
 */
@GatewayTest
@TestPropertySource(properties = "analytics.limits.introspection=false")
class IntrospectionDisabledTest {

	@Autowired
	private GatewayHttp http;

	@Autowired
	private HttpGraphQlTester graphQl;

	@Test
	void schemaAndTypeIntrospectionAreBadRequests() {
		String bearer = TestTokens.bearer(UUID.randomUUID());

		for (String query : new String[] { SchemaExplorer.INTROSPECTION, GatewayHttp.document("queryTypeIntrospection"),
				GatewayHttp.document("datasetsWithSchemaIntrospection") }) {
			var response = http.graphQl(bearer, query, Map.of());
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.errorCodes()).as(query).containsExactly("BAD_REQUEST");
			assertThat(response.data().isNull() || response.data().isMissingNode()).isTrue();
		}
	}

	@Test
	void ordinaryQueriesAndTypenameStillAnswer() {
		SignedIn.as(graphQl, UUID.randomUUID())
			.documentName("typenameAndDatasets")
			.execute()
			.path("datasets")
			.entityList(Object.class)
			.satisfies(datasets -> assertThat(datasets).isNotEmpty());
	}

}
