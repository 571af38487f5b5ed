package com.finance.analytics.metric;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.SignedIn;
import com.finance.analytics.SourceData;
import com.finance.analytics.TestFixtures;
import com.finance.analytics.security.TestTokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's metrics equal MetricFlow's on the test snapshot, to the cent: simple,
 * ratio and derived metrics, the semi-additive balance, dimensions joined through the
 * account and tag entities, every grain, windows widened to whole periods, several users.
 * MetricFlow answers every case in one run ({@link MetricFlowReference}).
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsMatchMetricFlowTest {

	/**
	 * The semantic model's primary entity prefixes MetricFlow names its dimensions by.
	 */
	private static final Map<String, String> MODEL_OF_METRIC = Map.ofEntries(Map.entry("income", "transaction"),
			Map.entry("spending", "transaction"), Map.entry("net", "transaction"),
			Map.entry("transaction_count", "transaction"), Map.entry("average_transaction_amount", "transaction"),
			Map.entry("savings_rate", "transaction"), Map.entry("tag_spending", "tag_spending"),
			Map.entry("tag_refunds", "tag_spending"), Map.entry("tag_net_spending", "tag_spending"),
			Map.entry("tag_transaction_count", "tag_spending"), Map.entry("refund_rate", "tag_spending"),
			Map.entry("balance", "account_day"), Map.entry("balance_change", "account_day"));

	private static final Set<String> ACCOUNT_DIMENSIONS = Set.of("account_name", "account_type", "institution_name");

	private static final Set<String> MONEY = Set.of("income", "spending", "net", "average_transaction_amount",
			"tag_spending", "tag_refunds", "tag_net_spending", "balance", "balance_change");

	private static final Set<String> RATIOS = Set.of("savings_rate", "refund_rate");

	@Autowired
	private HttpGraphQlTester anonymous;

	@Autowired
	private GatewayHttp http;

	private List<UUID> users;

	private Map<String, JsonNode> reference;

	/** One combination: metrics × group-by × grain (null: none) × window, for a user. */
	record Case(String id, int user, List<String> metrics, List<String> groupBy, String grain, String start,
			String end) {

		@Override
		public String toString() {
			return id + " " + metrics + " by " + groupBy + " per " + grain + " " + start + ".." + end;
		}
	}

	static Stream<Case> cases() {
		return Stream.of(
				new Case("cashFlowMonthly", 0, List.of("income", "spending", "net"), List.of("currency"), "month",
						"2026-01-01", "2026-03-31"),
				new Case("cashFlowWeeklyWidened", 1, List.of("income", "spending", "net"), List.of("currency"), "week",
						"2026-01-01", "2026-02-15"),
				new Case("countAndAverageByCounterparty", 2, List.of("transaction_count", "average_transaction_amount"),
						List.of("currency", "counterparty"), "month", "2026-02-10", "2026-04-20"),
				new Case("savingsRateQuarterly", 0, List.of("savings_rate", "income"), List.of("currency"), "quarter",
						"2025-11-15", "2026-05-31"),
				new Case("savingsRateYearly", 1, List.of("savings_rate"), List.of("currency"), "year", "2025-01-01",
						"2026-12-31"),
				new Case("spendingByAccountType", 2, List.of("spending"), List.of("currency", "account_type"), "month",
						"2026-01-01", "2026-06-30"),
				new Case("cashFlowByInstitutionAndAccountName", 0, List.of("spending", "income"),
						List.of("currency", "institution_name", "account_name"), "quarter", "2025-10-01", "2026-03-31"),
				new Case("netByAccount", 1, List.of("net"), List.of("currency", "account"), "month", "2026-03-01",
						"2026-05-31"),
				new Case("balanceMonthly", 0, List.of("balance"), List.of("currency"), "month", "2026-01-01",
						"2026-06-30"),
				new Case("balanceAndChangeWeeklyByAccountType", 1, List.of("balance", "balance_change"),
						List.of("currency", "account_type"), "week", "2026-02-01", "2026-03-10"),
				new Case("balanceQuarterlyByAccount", 2, List.of("balance"), List.of("currency", "account"), "quarter",
						"2025-09-01", "2026-10-31"),
				new Case("balanceYearly", 0, List.of("balance"), List.of("currency"), "year", "2025-01-01",
						"2026-12-31"),
				new Case("balanceDaily", 2, List.of("balance"), List.of("currency"), "day", "2026-03-01", "2026-03-07"),
				new Case("tagSpendingMonthly", 0, List.of("tag_spending", "tag_refunds"),
						List.of("currency", "tag_name"), "month", "2026-01-01", "2026-03-31"),
				new Case("refundRateQuarterly", 1, List.of("refund_rate", "tag_spending"),
						List.of("currency", "tag_name"), "quarter", "2026-01-15", "2026-06-30"),
				new Case("tagNetSpendingWeeklyByTag", 2, List.of("tag_net_spending", "tag_transaction_count"),
						List.of("currency", "tag"), "week", "2026-03-01", "2026-03-31"),
				new Case("countsOfTwoModelsMonthly", 0, List.of("tag_transaction_count", "transaction_count"),
						List.of(), "month", "2026-01-01", "2026-04-30"),
				new Case("countsOfTwoModelsYearly", 2, List.of("transaction_count", "tag_transaction_count"), List.of(),
						"year", "2025-01-01", "2026-12-31"),
				new Case("countByAccountTypeDaily", 1, List.of("transaction_count"), List.of("account_type"), "day",
						"2026-01-01", "2026-01-14"),
				new Case("cashFlowWithoutGrain", 2, List.of("income", "spending"), List.of("currency"), null,
						"2026-01-01", "2026-03-31"),
				new Case("balanceWithoutGrain", 0, List.of("balance"), List.of("currency"), null, "2026-01-01",
						"2026-03-31"),
				new Case("averageDaily", 2, List.of("average_transaction_amount"), List.of("currency"), "day",
						"2026-02-01", "2026-02-10"),
				new Case("refundRateDailyByTag", 0, List.of("refund_rate"), List.of("currency", "tag"), "day",
						"2026-01-01", "2026-01-31"));
	}

	@BeforeAll
	void askMetricFlow() throws Exception {
		try (SourceData source = SourceData.open()) {
			users = source.usersByActivity().subList(0, 3);
		}
		List<MetricFlowReference.Request> requests = cases()
			.map(test -> new MetricFlowReference.Request(test.id(), users.get(test.user()), test.metrics(),
					metricFlowGroupBy(test), test.start(), test.end()))
			.toList();
		reference = MetricFlowReference.answer(TestFixtures.currentTestSnapshot(), requests);
	}

	@ParameterizedTest
	@MethodSource("cases")
	void metricsEqualMetricFlowsAnswer(Case test) {
		List<Map<String, Object>> rows = SignedIn.as(anonymous, users.get(test.user()))
			.documentName("metricRows")
			.variable("metrics", test.metrics().stream().map(MetricsMatchMetricFlowTest::enumValue).toList())
			.variable("groupBy", test.groupBy().stream().map(MetricsMatchMetricFlowTest::enumValue).toList())
			.variable("grain", test.grain() == null ? null : test.grain().toUpperCase(Locale.ROOT))
			.variable("start", test.start())
			.variable("end", test.end())
			.execute()
			.path("metrics.rows")
			.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.get();

		assertEqual(test, rows, MetricsMatchMetricFlowTest::field);
	}

	/** The REST twin answers the same, for a few of the combinations. */
	@ParameterizedTest
	@MethodSource("restCases")
	void restMetricsEqualMetricFlowsAnswer(Case test) {
		StringBuilder path = new StringBuilder("/api/analytics/metrics?metrics=" + String.join(",", test.metrics())
				+ "&start_date=" + test.start() + "&end_date=" + test.end());
		if (!test.groupBy().isEmpty()) {
			path.append("&group_by=").append(String.join(",", test.groupBy()));
		}
		if (test.grain() != null) {
			path.append("&grain=").append(test.grain());
		}
		GatewayHttp.Response response = http.get(TestTokens.bearer(users.get(test.user())), path.toString());
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		List<Map<String, Object>> rows = GatewayHttp.JSON.convertValue(response.json().path("rows"),
				new TypeReference<List<Map<String, Object>>>() {
				});
		assertEqual(test, rows, name -> name.equals("account") || name.equals("tag") ? name + "_id" : name);
	}

	static Stream<Case> restCases() {
		Set<String> ids = Set.of("cashFlowWeeklyWidened", "balanceQuarterlyByAccount", "refundRateQuarterly",
				"countsOfTwoModelsMonthly");
		return cases().filter(test -> ids.contains(test.id()));
	}

	/**
	 * {@code rows} hold exactly MetricFlow's groups with its values; {@code key} names a
	 * dimension's or metric's key in a row.
	 */
	private void assertEqual(Case test, List<Map<String, Object>> rows, Function<String, String> key) {
		JsonNode expected = reference.get(test.id());
		assertThat(expected.path("error").isMissingNode()).as("MetricFlow answered %s: %s", test, expected).isTrue();
		Map<List<String>, Map<String, Object>> actual = new HashMap<>();
		for (Map<String, Object> row : rows) {
			List<String> group = new ArrayList<>();
			if (test.grain() != null) {
				group.add(String.valueOf(row.get("period")));
			}
			test.groupBy().forEach(dimension -> group.add(String.valueOf(row.get(key.apply(dimension)))));
			assertThat(actual.put(group, row)).as("one row per group %s", group).isNull();
		}
		List<String> columns = new ArrayList<>();
		expected.path("columns").forEach(column -> columns.add(column.asString()));
		List<String> keyColumns = new ArrayList<>();
		if (test.grain() != null) {
			keyColumns.add("metric_time__" + test.grain());
		}
		keyColumns.addAll(metricFlowDimensions(test));
		assertThat(expected.path("rows").size()).as("groups of %s", test).isEqualTo(actual.size()).isPositive();
		for (JsonNode expectedRow : expected.path("rows")) {
			List<String> expectedGroup = keyColumns.stream()
				.map(column -> expectedRow.get(columns.indexOf(column)))
				.map(value -> value.isNull() ? "null" : value.asString())
				.toList();
			Map<String, Object> row = actual.get(expectedGroup);
			assertThat(row).as("the gateway has the group %s of %s", expectedGroup, test).isNotNull();
			for (String metric : test.metrics()) {
				JsonNode value = expectedRow.get(columns.indexOf(metric));
				Object mine = row.get(key.apply(metric));
				String what = metric + " of " + expectedGroup + " in " + test;
				if (value.isNull()) {
					assertThat(mine).as(what).isNull();
				}
				else if (MONEY.contains(metric)) {
					assertThat(mine).as(what).isInstanceOf(String.class);
					assertThat(cents(mine.toString())).as(what).isEqualTo(cents(value.asString()));
				}
				else if (RATIOS.contains(metric)) {
					double reference = value.asDouble();
					assertThat(((Number) mine).doubleValue()).as(what)
						.isCloseTo(reference, org.assertj.core.data.Offset.offset(Math.abs(reference) * 1e-9 + 1e-12));
				}
				else {
					assertThat(((Number) mine).longValue()).as(what).isEqualTo(value.asLong());
				}
			}
		}
	}

	private static BigDecimal cents(String money) {
		return new BigDecimal(money).setScale(2, RoundingMode.HALF_EVEN);
	}

	private static List<String> metricFlowGroupBy(Case test) {
		List<String> groupBy = new ArrayList<>();
		if (test.grain() != null) {
			groupBy.add("metric_time__" + test.grain());
		}
		groupBy.addAll(metricFlowDimensions(test));
		return groupBy;
	}

	/** The dimensions as MetricFlow names them: entity path, then the dimension. */
	private static List<String> metricFlowDimensions(Case test) {
		String model = MODEL_OF_METRIC.get(test.metrics().getFirst());
		return test.groupBy().stream().map(dimension -> {
			if (dimension.equals("account") || dimension.equals("tag")) {
				return dimension;
			}
			if (ACCOUNT_DIMENSIONS.contains(dimension)) {
				return "account__" + dimension;
			}
			if (dimension.equals("tag_name")) {
				return "tag__" + dimension;
			}
			return model + "__" + dimension;
		}).toList();
	}

	private static String enumValue(String name) {
		return name.toUpperCase(Locale.ROOT);
	}

	/** The GraphQL field of a metric or dimension; an entity's field is its id. */
	private static String field(String name) {
		String identifier = name.equals("account") || name.equals("tag") ? name + "_id" : name;
		StringBuilder field = new StringBuilder();
		for (String part : identifier.split("_")) {
			field.append(field.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
		}
		return field.toString();
	}

}
