package com.finance.analytics.metric;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.SignedIn;
import com.finance.analytics.SourceData;
import com.finance.analytics.security.TestTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The metrics field's refusals (codes and messages a person understands), ownership and
 * per-user scoping, over the real test snapshot.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricRequestsTest {

	@Autowired
	private HttpGraphQlTester anonymous;

	@Autowired
	private GatewayHttp http;

	private UUID user;

	private UUID otherUser;

	private UUID otherUsersAccount;

	private UUID otherUsersTag;

	@BeforeAll
	void users() throws Exception {
		try (SourceData source = SourceData.open()) {
			List<UUID> users = source.usersByActivity();
			user = users.get(0);
			otherUser = users.get(1);
			otherUsersAccount = source.accountsOf(otherUser).getFirst();
			otherUsersTag = source.tagsOf(otherUser).getFirst();
		}
	}

	private GraphQlTester.Request<?> metrics(UUID caller, List<String> metrics, List<String> groupBy, String grain) {
		return SignedIn.as(anonymous, caller)
			.documentName("metricRows")
			.variable("metrics", metrics)
			.variable("groupBy", groupBy)
			.variable("grain", grain)
			.variable("start", "2026-01-01")
			.variable("end", "2026-03-31");
	}

	private static void refused(GraphQlTester.Request<?> request, String code, String... messageParts) {
		request.execute().errors().satisfy(errors -> {
			assertThat(errors).hasSize(1);
			assertThat(SignedIn.code(errors.getFirst())).isEqualTo(code);
			assertThat(errors.getFirst().getMessage()).contains(messageParts).doesNotContain("Exception", "select ");
		});
	}

	@Test
	void moneyWithoutCurrencyIsBadRequest() {
		refused(metrics(user, List.of("SPENDING", "SAVINGS_RATE"), List.of("ACCOUNT_TYPE"), "MONTH"), "BAD_REQUEST",
				"spending, savings_rate are money", "CURRENCY");
	}

	@Test
	void unreachableDimensionIsBadRequestNamingBoth() {
		refused(metrics(user, List.of("SPENDING"), List.of("CURRENCY", "TAG_NAME"), "MONTH"), "BAD_REQUEST",
				"'spending'", "'tag_name'");
	}

	@Test
	void moreGroupsThanTheLimitIsBadRequest() {
		refused(metrics(user, List.of("TRANSACTION_COUNT"), List.of(), "DAY").variable("limit", 5), "BAD_REQUEST",
				"more than 5 groups");
	}

	@Test
	void unknownGrainIsBadRequest() {
		refused(metrics(user, List.of("TRANSACTION_COUNT"), List.of(), "FORTNIGHT"), "BAD_REQUEST", "FORTNIGHT");
	}

	@Test
	void endBeforeStartIsBadRequest() {
		refused(metrics(user, List.of("TRANSACTION_COUNT"), List.of(), "MONTH").variable("end", "2025-12-31"),
				"BAD_REQUEST", "before startDate");
	}

	@Test
	void foreignAccountIdIsForbidden() {
		refused(metrics(user, List.of("BALANCE"), List.of("CURRENCY"), "MONTH").variable("accountIds",
				List.of(otherUsersAccount.toString())), "FORBIDDEN", "accountIds");
	}

	@Test
	void foreignTagIdIsForbidden() {
		refused(metrics(user, List.of("TAG_SPENDING"), List.of("CURRENCY"), "MONTH").variable("tagIds",
				List.of(otherUsersTag.toString())), "FORBIDDEN", "tagIds");
	}

	@Test
	void tagFilterOnAMetricWithoutTagsIsBadRequest() {
		refused(metrics(otherUser, List.of("BALANCE"), List.of("CURRENCY"), "MONTH").variable("tagIds",
				List.of(otherUsersTag.toString())), "BAD_REQUEST", "tagIds");
	}

	@Test
	void twoUsersGetTheirOwnDifferentNumbers() {
		List<Map<String, Object>> mine = rows(
				metrics(user, List.of("SPENDING"), List.of("CURRENCY", "ACCOUNT"), "MONTH"));
		List<Map<String, Object>> theirs = rows(
				metrics(otherUser, List.of("SPENDING"), List.of("CURRENCY", "ACCOUNT"), "MONTH"));

		assertThat(mine).isNotEmpty().isNotEqualTo(theirs);
		assertThat(theirs).isNotEmpty();
		assertThat(mine).extracting(row -> row.get("accountId"))
			.doesNotContainAnyElementsOf(theirs.stream().map(row -> row.get("accountId")).toList());
	}

	@Test
	void moneyOfTwoModelsIsGroupedByEachModelsOwnCurrency() {
		List<Map<String, Object>> both = rows(
				metrics(user, List.of("SPENDING", "BALANCE"), List.of("CURRENCY"), "MONTH"));
		Map<List<Object>, Object> spending = new HashMap<>();
		rows(metrics(user, List.of("SPENDING"), List.of("CURRENCY"), "MONTH"))
			.forEach(row -> spending.put(List.of(row.get("period"), row.get("currency")), row.get("spending")));
		Map<List<Object>, Object> balance = new HashMap<>();
		rows(metrics(user, List.of("BALANCE"), List.of("CURRENCY"), "MONTH"))
			.forEach(row -> balance.put(List.of(row.get("period"), row.get("currency")), row.get("balance")));

		assertThat(both).isNotEmpty();
		for (Map<String, Object> row : both) {
			List<Object> group = List.of(row.get("period"), row.get("currency"));
			assertThat(row.get("spending")).as("spending of %s", group).isEqualTo(spending.get(group));
			assertThat(row.get("balance")).as("balance of %s", group).isEqualTo(balance.get(group));
		}
		assertThat(both).hasSizeGreaterThanOrEqualTo(Math.max(spending.size(), balance.size()));
	}

	@Test
	void windowAtTheEdgesOfTheCalendarIsAnswered() {
		List<Map<String, Object>> years = rows(
				metrics(user, List.of("TRANSACTION_COUNT"), List.of(), "WEEK").variable("start", "0000-01-01")
					.variable("end", "9999-12-31"));
		assertThat(years).isNotEmpty();
	}

	@Test
	void windowIsWidenedToWholePeriods() {
		metrics(user, List.of("TRANSACTION_COUNT"), List.of(), "WEEK").execute()
			.path("metrics.startDate")
			.entity(String.class)
			.isEqualTo("2025-12-29")
			.path("metrics.endDate")
			.entity(String.class)
			.isEqualTo("2026-04-05");
	}

	@Test
	@SuppressWarnings("unchecked")
	void catalogListsEachMetricWithTheDimensionsItReachesOnBothApis() {
		List<Map<String, Object>> metrics = SignedIn.as(anonymous, user)
			.documentName("metricCatalog")
			.execute()
			.path("metricCatalog.metrics")
			.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.get();
		Map<Object, Map<String, Object>> byMetric = new HashMap<>();
		metrics.forEach(metric -> byMetric.put(metric.get("metric"), metric));

		assertThat(byMetric.get("SPENDING")).containsEntry("valueType", "MONEY")
			.containsEntry("requiresCurrency", true)
			.containsEntry("grains", List.of("DAY", "WEEK", "MONTH", "QUARTER", "YEAR"));
		assertThat((List<Object>) byMetric.get("SPENDING").get("groupBy"))
			.contains("CURRENCY", "ACCOUNT_TYPE", "ACCOUNT")
			.doesNotContain("TAG_NAME");
		assertThat((List<Object>) byMetric.get("TAG_SPENDING").get("groupBy")).contains("CURRENCY", "TAG_NAME", "TAG")
			.doesNotContain("ACCOUNT_TYPE");
		assertThat(byMetric.get("SAVINGS_RATE")).containsEntry("valueType", "RATIO")
			.containsEntry("requiresCurrency", true);
		assertThat(byMetric.get("TRANSACTION_COUNT")).containsEntry("valueType", "COUNT")
			.containsEntry("requiresCurrency", false);

		GatewayHttp.Response rest = http.get(TestTokens.bearer(user), "/api/analytics/metric-catalog");
		assertThat(rest.status()).isEqualTo(200);
		List<String> restNames = new ArrayList<>();
		rest.json().path("metrics").forEach(metric -> restNames.add(metric.path("name").asString()));
		assertThat(restNames).hasSameSizeAs(metrics).contains("spending", "savings_rate", "balance");
	}

	@Test
	void restRefusesWhatGraphQlRefusesWithTheSameCode() {
		String token = TestTokens.bearer(user);
		String window = "&start_date=2026-01-01&end_date=2026-03-31";
		assertThat(http.get(token, "/api/analytics/metrics?metrics=spending&grain=month" + window).problemCode())
			.isEqualTo("BAD_REQUEST");
		assertThat(http.get(token, "/api/analytics/metrics?metrics=spending&grain=fortnight&group_by=currency" + window)
			.problemCode()).isEqualTo("BAD_REQUEST");
		assertThat(http.get(token, "/api/analytics/metrics?metrics=nope" + window).problemCode())
			.isEqualTo("BAD_REQUEST");
		assertThat(http
			.get(token,
					"/api/analytics/metrics?metrics=balance&group_by=currency&account_ids=" + otherUsersAccount
							+ window)
			.problemCode()).isEqualTo("FORBIDDEN");
	}

	private static List<Map<String, Object>> rows(GraphQlTester.Request<?> request) {
		return request.execute()
			.path("metrics.rows")
			.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.get();
	}

}
