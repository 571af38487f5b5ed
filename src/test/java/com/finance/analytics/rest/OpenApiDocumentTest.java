package com.finance.analytics.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayHttp.Response;
import com.finance.analytics.GatewayTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document and Swagger UI are served without a token and describe what the
 * fuzzer needs.
 */
@GatewayTest
class OpenApiDocumentTest {

	@Autowired
	private GatewayHttp http;

	@Test
	void documentDescribesEveryEndpointTheBearerSchemeAndTheProblemShape() {
		Response response = http.get(null, "/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		JsonNode document = response.json();

		assertThat(document.path("paths").propertyNames()).containsExactlyInAnyOrder("/api/analytics/status",
				"/api/analytics/datasets", "/api/analytics/datasets/{id}/schema", "/api/analytics/datasets/{id}/query",
				"/api/analytics/spending-by-tag", "/api/analytics/monthly-trends", "/api/analytics/balance-history",
				"/api/analytics/refresh", "/api/analytics/refresh/{runId}", "/api/analytics/metrics",
				"/api/analytics/metric-catalog");
		assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
			.isEqualTo("bearer");
		assertThat(document.path("components").path("schemas").path("Problem").path("properties").has("code")).isTrue();
		JsonNode query = document.path("paths").path("/api/analytics/datasets/{id}/query").path("get");
		List<String> parameters = new ArrayList<>();
		query.path("parameters").forEach(parameter -> parameters.add(parameter.path("name").asString()));
		assertThat(parameters).containsExactlyInAnyOrder("id", "start_date", "end_date", "account_ids", "tag_ids",
				"limit", "offset");
		assertThat(query.path("responses").propertyNames()).contains("200", "400", "401", "403", "404", "503");
	}

	@Test
	void datasetIdIsAnEnumOfTheServedDatasets() {
		JsonNode document = http.get(null, "/v3/api-docs").json();
		JsonNode id = document.path("paths")
			.path("/api/analytics/datasets/{id}/query")
			.path("get")
			.path("parameters")
			.valueStream()
			.filter(parameter -> parameter.path("name").asString().equals("id"))
			.findFirst()
			.orElseThrow();

		List<String> ids = new ArrayList<>();
		id.path("schema").path("enum").forEach(value -> ids.add(value.asString()));
		assertThat(ids).containsExactly("dim_accounts", "dim_tags", "fct_daily_balance_history",
				"fct_daily_spending_by_tag", "fct_monthly_trends", "fct_transactions");
	}

	@Test
	void swaggerUiIsServedWithoutAToken() {
		assertThat(http.get(null, "/swagger-ui.html").status()).isEqualTo(302);
		Response page = http.get(null, "/swagger-ui/index.html");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("swagger-ui");
	}

}
