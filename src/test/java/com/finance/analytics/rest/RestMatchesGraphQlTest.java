package com.finance.analytics.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayHttp.Response;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.SourceData;
import com.finance.analytics.SourceData.TagCurrency;
import com.finance.analytics.SourceData.Totals;
import com.finance.analytics.security.TestTokens;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every REST endpoint against the equivalent GraphQL query for the same user, over real
 * HTTP on the real test snapshot: same rows in the same order, same totals, same values
 * to the digit.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestMatchesGraphQlTest {

	private static final String START = "2026-01-01";

	private static final String END = "2026-03-31";

	@Autowired
	private GatewayHttp http;

	private SourceData source;

	private UUID user;

	private String token;

	/** dataset id → (column name → GraphQL field), from GraphQL's own discovery. */
	private Map<String, Map<String, String>> fieldsByDataset;

	private Map<String, String> queryFieldByDataset;

	@BeforeAll
	void discover() throws Exception {
		source = SourceData.open();
		user = source.usersByActivity().getFirst();
		token = TestTokens.bearer(user);
		JsonNode datasets = graphQlData(GatewayHttp.document("datasetFields"), Map.of()).path("datasets");
		fieldsByDataset = new LinkedHashMap<>();
		queryFieldByDataset = new LinkedHashMap<>();
		datasets.forEach(dataset -> {
			Map<String, String> fields = new LinkedHashMap<>();
			dataset.path("columns")
				.forEach(column -> fields.put(column.path("name").asString(), column.path("field").asString()));
			fieldsByDataset.put(dataset.path("id").asString(), fields);
			queryFieldByDataset.put(dataset.path("id").asString(), dataset.path("field").asString());
		});
		assertThat(fieldsByDataset).as("GraphQL discovery of the test snapshot").hasSizeGreaterThanOrEqualTo(6);
	}

	@AfterAll
	void closeSource() throws Exception {
		source.close();
	}

	@Test
	void statusAndDatasetsEqualGraphQlDiscovery() {
		JsonNode graphQl = graphQlData(GatewayHttp.document("statusWithDatasetCount"), Map.of())
			.path("analyticsStatus");
		JsonNode status = ok(http.get(token, "/api/analytics/status"));
		JsonNode datasets = ok(http.get(token, "/api/analytics/datasets"));

		assertThat(status.path("available").asBoolean()).isTrue();
		assertThat(status.path("snapshot_id")).isEqualTo(graphQl.path("snapshotId"));
		assertThat(status.path("dataset_count")).isEqualTo(graphQl.path("datasetCount"));
		assertThat(datasets.valueStream().map(dataset -> dataset.path("id").asString()).toList())
			.containsExactlyElementsOf(fieldsByDataset.keySet());
	}

	@Test
	void eachSchemaListsTheColumnsGraphQlExposes() {
		fieldsByDataset.forEach((id, fields) -> {
			JsonNode schema = ok(http.get(token, "/api/analytics/datasets/" + id + "/schema"));
			assertThat(schema.path("columns").valueStream().map(column -> column.path("name").asString()).toList())
				.as(id)
				.containsExactlyElementsOf(fields.keySet());
		});
	}

	@Test
	void everyDatasetPageEqualsTheGraphQlPage() {
		for (String id : fieldsByDataset.keySet()) {
			JsonNode rest = ok(http.get(token, "/api/analytics/datasets/" + id + "/query?limit=40&offset=1"));
			JsonNode graphQl = graphQlPage(id, "limit: 40, offset: 1");

			assertSamePage(id, rest, graphQl);
		}
	}

	@Test
	void filteredTransactionsEqualTheGraphQlResult() throws Exception {
		List<UUID> accounts = source.accountsOf(user);
		List<UUID> tags = source.tagsOf(user).subList(0, 3);
		String accountList = accounts.stream().map(UUID::toString).collect(Collectors.joining(","));
		String query = "/api/analytics/datasets/fct_transactions/query?start_date=" + START + "&end_date=" + END
				+ "&account_ids=" + accountList
				+ tags.stream().map(tag -> "&tag_ids=" + tag).collect(Collectors.joining()) + "&limit=500";
		JsonNode rest = ok(http.get(token, query));
		JsonNode graphQl = graphQlPage("fct_transactions", "limit: 500, filter: {startDate: \"" + START
				+ "\", endDate: \"" + END + "\", accountIds: " + quoted(accounts) + ", tagIds: " + quoted(tags) + "}");

		assertThat(rest.path("total_count").asLong()).as("the filter matches some transactions").isPositive();
		assertSamePage("fct_transactions", rest, graphQl);
	}

	@Test
	void spendingByTagEqualsGraphQlAndTheSourceTotals() throws Exception {
		JsonNode rest = ok(http.get(token, "/api/analytics/spending-by-tag?start_date=" + START + "&end_date=" + END))
			.path("rows");
		JsonNode graphQl = graphQlData(GatewayHttp.document("spendingByTagTotals"), Map.of("start", START, "end", END))
			.path("spendingByTag");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("tag_id", "tagId");
		fields.put("currency", "currency");
		fields.put("spending_amount", "spendingAmount");
		fields.put("refund_amount", "refundAmount");
		fields.put("net_spending_amount", "netSpendingAmount");
		fields.put("transaction_count", "transactionCount");

		assertSameRows("spending-by-tag", rest, graphQl, fields);
		Map<TagCurrency, Totals> expected = source.spendingByTag(user, LocalDate.parse(START), LocalDate.parse(END));
		Map<TagCurrency, Totals> actual = new HashMap<>();
		rest.forEach(row -> actual.put(
				new TagCurrency(row.path("tag_id").isNull() ? null : UUID.fromString(row.path("tag_id").asString()),
						row.path("currency").asString()),
				new Totals(new BigDecimal(row.path("spending_amount").asString()),
						new BigDecimal(row.path("refund_amount").asString()), row.path("transaction_count").asLong())));
		assertThat(normalized(actual)).isEqualTo(normalized(expected));
	}

	@Test
	void monthlyTrendsEqualGraphQl() {
		JsonNode rest = ok(http.get(token, "/api/analytics/monthly-trends?start_date=" + START + "&end_date=" + END))
			.path("rows");
		Map<String, String> fields = fieldsByDataset.get("fct_monthly_trends");
		JsonNode graphQl = graphQlData("{ monthlyTrends(startDate: \"" + START + "\", endDate: \"" + END + "\") { "
				+ String.join(" ", fields.values()) + " } }", Map.of())
			.path("monthlyTrends");

		assertThat(rest.size()).as("three months of trends").isGreaterThanOrEqualTo(3);
		assertSameRows("monthly-trends", rest, graphQl, fields);
	}

	@Test
	void balanceHistoryOfOneAccountEqualsGraphQl() throws Exception {
		UUID account = source.accountsOf(user).getFirst();
		JsonNode rest = ok(http.get(token,
				"/api/analytics/balance-history?start_date=" + START + "&end_date=" + END + "&account_ids=" + account))
			.path("rows");
		Map<String, String> fields = fieldsByDataset.get("fct_daily_balance_history");
		JsonNode graphQl = graphQlData("{ balanceHistory(startDate: \"" + START + "\", endDate: \"" + END
				+ "\", accountIds: [\"" + account + "\"]) { " + String.join(" ", fields.values()) + " } }", Map.of())
			.path("balanceHistory");

		assertThat(rest.size()).as("one row per day of the quarter").isEqualTo(90);
		assertSameRows("balance-history", rest, graphQl, fields);
	}

	@Test
	void moneyIsAnExactDecimalStringWithTheMartScaleAndDatesAreIsoStrings() {
		Response response = http.get(token, "/api/analytics/datasets/fct_transactions/query?limit=20");
		JsonNode row = ok(response).path("rows").get(0);

		assertThat(row.path("amount").isString()).as("amount is a decimal string, exact in JavaScript").isTrue();
		assertThat(new BigDecimal(row.path("amount").asString()).scale()).isEqualTo(2);
		assertThat(row.path("booking_date").isString()).isTrue();
		assertThat(LocalDate.parse(row.path("booking_date").asString())).isNotNull();
		assertThat(response.text()).doesNotContainPattern("\"amount\":-?[0-9.]+[eE]");
	}

	private void assertSamePage(String id, JsonNode rest, JsonNode graphQl) {
		assertThat(rest.path("dataset").asString()).isEqualTo(id);
		assertThat(rest.path("total_count")).as(id + " total").isEqualTo(graphQl.path("totalCount"));
		assertThat(rest.path("limit")).isEqualTo(graphQl.path("pageInfo").path("limit"));
		assertThat(rest.path("offset")).isEqualTo(graphQl.path("pageInfo").path("offset"));
		assertThat(rest.path("has_next_page")).isEqualTo(graphQl.path("pageInfo").path("hasNextPage"));
		assertThat(rest.path("rows").size()).as(id + " rows").isPositive();
		assertSameRows(id, rest.path("rows"), graphQl.path("nodes"), fieldsByDataset.get(id));
	}

	/**
	 * Row by row, column by column; timestamps compared as instants (GraphQL's scalar
	 * always prints millis).
	 */
	private static void assertSameRows(String what, JsonNode rest, JsonNode graphQl, Map<String, String> fields) {
		assertThat(rest.size()).as(what + " row count").isEqualTo(graphQl.size());
		for (int i = 0; i < rest.size(); i++) {
			JsonNode restRow = rest.get(i);
			JsonNode graphQlRow = graphQl.get(i);
			assertThat(restRow.propertyNames()).as(what + " columns")
				.containsExactlyInAnyOrderElementsOf(fields.keySet());
			fields.forEach((column, field) -> {
				JsonNode restValue = restRow.path(column);
				JsonNode graphQlValue = graphQlRow.path(field);
				if (restValue.isString() && isTimestamp(restValue.asString())) {
					assertThat(OffsetDateTime.parse(restValue.asString()).toInstant()).as(what + "." + column)
						.isEqualTo(OffsetDateTime.parse(graphQlValue.asString()).toInstant());
				}
				else {
					assertThat(restValue).as(what + "." + column).isEqualTo(graphQlValue);
				}
			});
		}
	}

	private static String quoted(List<UUID> ids) {
		return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", ", "[", "]"));
	}

	private static boolean isTimestamp(String text) {
		return text.length() > 10 && text.charAt(10) == 'T';
	}

	private JsonNode graphQlPage(String datasetId, String arguments) {
		String field = queryFieldByDataset.get(datasetId);
		String query = "{ " + field + "(" + arguments + ") { nodes { "
				+ String.join(" ", fieldsByDataset.get(datasetId).values())
				+ " } totalCount pageInfo { limit offset hasNextPage } } }";
		return graphQlData(query, Map.of()).path(field);
	}

	private JsonNode graphQlData(String query, Map<String, Object> variables) {
		Response response = http.graphQl(token, query, variables);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("errors").isMissingNode()).as(response.text()).isTrue();
		return response.json().path("data");
	}

	private static JsonNode ok(Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		return response.json();
	}

	private static Map<TagCurrency, Totals> normalized(Map<TagCurrency, Totals> totals) {
		return totals.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, entry -> new Totals(strip(entry.getValue().spending()),
					strip(entry.getValue().refunds()), entry.getValue().count())));
	}

	private static BigDecimal strip(BigDecimal value) {
		return value.stripTrailingZeros();
	}

}
