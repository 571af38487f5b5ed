package com.finance.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.GatewayTest;
import com.finance.analytics.SignedIn;
import com.finance.analytics.SourceData;
import com.finance.analytics.SourceData.TagCurrency;
import com.finance.analytics.SourceData.Totals;
import com.finance.analytics.TestFixtures;
import com.finance.analytics.query.QueryExecutor;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The generated API over the real test snapshot (built by the real dbt project), with
 * every value checked against the same figure computed directly from the source tables.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQlApiTest {

	private static final LocalDate START = LocalDate.parse("2026-01-01");

	private static final LocalDate END = LocalDate.parse("2026-03-31");

	private static final LocalDate ALL_START = LocalDate.parse("2000-01-01");

	private static final LocalDate ALL_END = LocalDate.parse("2100-01-01");

	@Autowired
	private HttpGraphQlTester anonymous;

	@Autowired
	private QueryExecutor executor;

	private SourceData source;

	private UUID user;

	private UUID otherUser;

	private HttpGraphQlTester graphQl;

	@BeforeAll
	void signIn() throws Exception {
		source = SourceData.open();
		List<UUID> users = source.usersByActivity();
		user = users.get(0);
		otherUser = users.get(1);
		graphQl = SignedIn.as(anonymous, user);
	}

	@AfterAll
	void closeSource() throws Exception {
		source.close();
	}

	record TagSpending(UUID tagId, String currency, BigDecimal spendingAmount, BigDecimal refundAmount,
			BigDecimal netSpendingAmount, long transactionCount) {
	}

	@Test
	void introspectionAdvertisesNoIncrementalDelivery() {
		graphQl.documentName("schemaDirectives")
			.execute()
			.path("__schema.directives[*].name")
			.entityList(String.class)
			.satisfies(names -> assertThat(names).contains("include", "skip", "deprecated", "specifiedBy")
				.doesNotContain("defer", "experimental_disableErrorPropagation"));
	}

	@Test
	void spendingByTagEqualsTheTotalsComputedFromTheSourceTransactions() throws Exception {
		assertThat(spendingByTag(START, END)).as("the test data has spending in the range")
			.isNotEmpty()
			.isEqualTo(sourceSpendingByTag(START, END));
	}

	@Test
	void spendingByTagMatchesTheSourceForEveryMonthAndRangesAcrossMonths() throws Exception {
		int months = 0;
		for (LocalDate month = LocalDate.parse("2024-01-01"); month.getYear() < 2027; month = month.plusMonths(1)) {
			LocalDate last = month.plusMonths(1).minusDays(1);
			Map<TagCurrency, Totals> expected = sourceSpendingByTag(month, last);
			assertThat(spendingByTag(month, last)).as(month.toString()).isEqualTo(expected);
			months += expected.isEmpty() ? 0 : 1;
		}
		assertThat(months).as("months with spending").isGreaterThan(6);
		LocalDate midJanuary = LocalDate.parse("2026-01-15");
		assertThat(spendingByTag(midJanuary, midJanuary.plusMonths(1)))
			.isEqualTo(sourceSpendingByTag(midJanuary, midJanuary.plusMonths(1)));
		assertThat(spendingByTag(midJanuary, midJanuary)).isEqualTo(sourceSpendingByTag(midJanuary, midJanuary));
	}

	/** The caller's spending by tag over the range, each row's net checked. */
	private Map<TagCurrency, Totals> spendingByTag(LocalDate start, LocalDate end) {
		List<TagSpending> rows = graphQl.documentName("spendingByTagTotals")
			.variable("start", start.toString())
			.variable("end", end.toString())
			.execute()
			.path("spendingByTag")
			.entityList(TagSpending.class)
			.get();
		Map<TagCurrency, Totals> actual = new HashMap<>();
		for (TagSpending row : rows) {
			assertThat(row.netSpendingAmount()).isEqualByComparingTo(row.spendingAmount().subtract(row.refundAmount()));
			actual.put(new TagCurrency(row.tagId(), row.currency()),
					new Totals(row.spendingAmount().stripTrailingZeros(), row.refundAmount().stripTrailingZeros(),
							row.transactionCount()));
		}
		return actual;
	}

	private Map<TagCurrency, Totals> sourceSpendingByTag(LocalDate start, LocalDate end) throws Exception {
		Map<TagCurrency, Totals> normalized = new HashMap<>();
		source.spendingByTag(user, start, end)
			.forEach((key, totals) -> normalized.put(key, new Totals(totals.spending().stripTrailingZeros(),
					totals.refunds().stripTrailingZeros(), totals.count())));
		return normalized;
	}

	record MonthlyTrend(LocalDate month, String currency, BigDecimal income, BigDecimal spending, BigDecimal net,
			long transactionCount) {
	}

	@Test
	void monthlyTrendsAddUpToTheIncomeAndSpendingOfTheSourceTransactions() throws Exception {
		List<MonthlyTrend> months = graphQl.documentName("firstQuarterMonthlyTrends")
			.execute()
			.path("monthlyTrends")
			.entityList(MonthlyTrend.class)
			.get();

		assertThat(months).extracting(MonthlyTrend::month).allMatch(month -> month.getDayOfMonth() == 1);
		Map<String, Totals> actual = new HashMap<>();
		for (MonthlyTrend month : months) {
			assertThat(month.net()).isEqualByComparingTo(month.income().subtract(month.spending()));
			actual.merge(month.currency(), new Totals(month.spending(), month.income(), month.transactionCount()),
					(a, b) -> new Totals(a.spending().add(b.spending()), a.refunds().add(b.refunds()),
							a.count() + b.count()));
		}
		Map<String, Totals> expected = source.incomeAndSpending(user, START, END);
		assertThat(actual.keySet()).isEqualTo(expected.keySet());
		expected.forEach((currency, totals) -> {
			assertThat(actual.get(currency).spending()).isEqualByComparingTo(totals.spending());
			assertThat(actual.get(currency).refunds()).isEqualByComparingTo(totals.refunds());
			assertThat(actual.get(currency).count()).isEqualTo(totals.count());
		});
	}

	@Test
	void transactionCountsMatchTheSourceForDateAndAccountFilters() throws Exception {
		UUID account = source.accountsOf(user).getFirst();
		long total = graphQl.documentName("transactionTotalByDatesAndAccounts")
			.variable("start", START.toString())
			.variable("end", END.toString())
			.variable("accounts", List.of(account.toString()))
			.execute()
			.path("fctTransactions.totalCount")
			.entity(Long.class)
			.get();

		assertThat(total).isPositive().isEqualTo(source.transactionCount(user, START, END, List.of(account)));
	}

	@Test
	void dateRangeTotalsMatchTheSourceForEveryMonthAndOpenEnds() throws Exception {
		long counted = 0;
		for (LocalDate month = LocalDate.parse("2024-01-01"); month.getYear() < 2027; month = month.plusMonths(1)) {
			LocalDate last = month.plusMonths(1).minusDays(1);
			long expected = source.transactionCount(user, month, last, List.of());
			assertThat(transactionTotalBetween(month, last)).as(month.toString()).isEqualTo(expected);
			counted += expected;
		}
		assertThat(counted).isPositive();
		assertThat(transactionTotalBetween(START, null))
			.isEqualTo(source.transactionCount(user, START, ALL_END, List.of()));
		assertThat(transactionTotalBetween(null, END))
			.isEqualTo(source.transactionCount(user, ALL_START, END, List.of()));
	}

	private long transactionTotalBetween(LocalDate start, LocalDate end) {
		return graphQl.documentName("transactionTotalBetween")
			.variable("start", start == null ? null : start.toString())
			.variable("end", end == null ? null : end.toString())
			.execute()
			.path("fctTransactions.totalCount")
			.entity(Long.class)
			.get();
	}

	@Test
	void tagFilterOnTheTagListMeansHasAnyOfTheTags() throws Exception {
		List<UUID> tags = source.tagsOf(user).subList(0, 2);
		long total = graphQl.documentName("transactionTotalByTags")
			.variable("tags", tags.stream().map(UUID::toString).toList())
			.execute()
			.path("fctTransactions.totalCount")
			.entity(Long.class)
			.get();

		assertThat(total).isPositive().isEqualTo(source.transactionsWithAnyTag(user, tags));
	}

	@Test
	void pagesCoverEveryTransactionExactlyOnceInTheRequestedOrder() throws Exception {
		long expected = source.transactionCount(user, ALL_START, ALL_END, List.of());
		Set<String> seen = new HashSet<>();
		BigDecimal previous = null;
		int offset = 0;
		boolean hasNext = true;
		while (hasNext) {
			GraphQlTester.Response page = graphQl.documentName("transactionsByAmountPage")
				.variable("offset", offset)
				.execute();
			page.path("fctTransactions.totalCount").entity(Long.class).isEqualTo(expected);
			List<Map<String, Object>> nodes = page.path("fctTransactions.nodes")
				.entityList(Map.class)
				.get()
				.stream()
				.map(node -> (Map<String, Object>) node)
				.toList();
			for (Map<String, Object> node : nodes) {
				assertThat(seen.add((String) node.get("transactionId"))).as("seen once").isTrue();
				assertThat(node.get("userId")).isEqualTo(user.toString());
				BigDecimal amount = new BigDecimal(node.get("amount").toString());
				if (previous != null) {
					assertThat(amount).isLessThanOrEqualTo(previous);
				}
				previous = amount;
			}
			hasNext = page.path("fctTransactions.pageInfo.hasNextPage").entity(Boolean.class).get();
			offset += 97;
		}
		assertThat((long) seen.size()).isEqualTo(expected);
	}

	@Test
	void pagePastTheEndIsEmptyButStillCountsEveryRow() throws Exception {
		long expected = source.transactionCount(user, ALL_START, ALL_END, List.of());
		GraphQlTester.Response page = tenTransactionsFrom((int) expected + 5);

		page.path("fctTransactions.nodes").entityList(Map.class).hasSize(0);
		page.path("fctTransactions.totalCount").entity(Long.class).isEqualTo(expected);
		page.path("fctTransactions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void lastPartialPageCountsEveryRowAndHasNoNextPage() throws Exception {
		long expected = source.transactionCount(user, ALL_START, ALL_END, List.of());
		GraphQlTester.Response page = tenTransactionsFrom((int) expected - 3);

		page.path("fctTransactions.nodes").entityList(Map.class).hasSize(3);
		page.path("fctTransactions.totalCount").entity(Long.class).isEqualTo(expected);
		page.path("fctTransactions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	private GraphQlTester.Response tenTransactionsFrom(int offset) {
		return graphQl.documentName("tenTransactionsFrom").variable("offset", offset).execute();
	}

	@Test
	void nestedAccountAndTagsResolveWithAtMostOneStatementPerLevel() throws Exception {
		long before = executor.statementsExecuted();
		List<Map> nodes = graphQl.documentName("transactionsWithAccountAndTags")
			.execute()
			.path("fctTransactions.nodes")
			.entityList(Map.class)
			.get();
		long statements = executor.statementsExecuted() - before;

		assertThat(nodes).hasSize(200);
		// The caller's working set (rows per date, which count the page; accounts; tags)
		// may already be cached by an earlier request.
		assertThat(statements).as("page + rows per date + accounts + tags").isBetween(1L, 4L);
		for (Map<?, ?> node : nodes) {
			Map<?, ?> account = (Map<?, ?>) node.get("account");
			assertThat(account.get("accountId")).isEqualTo(node.get("accountId"));
			assertThat(account.get("userId")).isEqualTo(user.toString());
			assertThat(account.get("accountName"))
				.isEqualTo(source.accountName(UUID.fromString((String) node.get("accountId"))));
			List<?> tags = (List<?>) node.get("tags");
			assertThat(tags).extracting(tag -> ((Map<?, ?>) tag).get("tagId")).isEqualTo(node.get("tagIds"));
		}
	}

	@Test
	void ownedIdsAreLookedUpOncePerSnapshotAndCaller() throws Exception {
		List<UUID> accounts = source.accountsOf(user);
		graphQl.documentName("balanceHistoryTotalForAccounts")
			.variable("accounts", accounts.stream().map(UUID::toString).toList())
			.execute()
			.path("fctDailyBalanceHistory.totalCount")
			.entity(Long.class)
			.satisfies(total -> assertThat(total).isPositive());
		long before = executor.statementsExecuted();
		graphQl.documentName("balanceHistoryTotalForAccounts")
			.variable("accounts", List.of(accounts.getFirst().toString()))
			.execute()
			.path("fctDailyBalanceHistory.totalCount")
			.entity(Long.class)
			.satisfies(total -> assertThat(total).isPositive());

		assertThat(executor.statementsExecuted() - before).as("page with its count, ownership from the cache")
			.isEqualTo(1);
	}

	@Test
	void spendingRowsResolveTheirTagExceptTheUntaggedRow() {
		List<Map> rows = graphQl.documentName("spendingWithTag")
			.execute()
			.path("spendingByTag")
			.entityList(Map.class)
			.get();

		assertThat(rows).isNotEmpty().allSatisfy(row -> {
			Map<?, ?> tag = (Map<?, ?>) row.get("tag");
			if (row.get("tagId") == null) {
				assertThat(tag).isNull();
			}
			else {
				assertThat(tag.get("tagId")).isEqualTo(row.get("tagId"));
				assertThat(tag.get("userId")).isEqualTo(user.toString());
			}
		});
	}

	@Test
	void rejectsAccountOwnedByAnotherUser() throws Exception {
		UUID foreign = source.accountsOf(otherUser).getFirst();
		graphQl.documentName("januaryBalanceOfAccounts")
			.variable("accounts", List.of(foreign.toString()))
			.execute()
			.errors()
			.satisfy(errors -> {
				assertThat(errors).singleElement().satisfies(error -> {
					assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
					assertThat(error.getMessage()).doesNotContain(foreign.toString());
				});
			});
	}

	@Test
	void rejectsTagIdThatDoesNotExist() {
		expectError("dailySpendingOfUnknownTag", "FORBIDDEN");
	}

	@Test
	void limitAboveTheMaximumIsABadRequestNotAClamp() {
		expectError("transactionsOverLimit", "BAD_REQUEST");
		expectError("transactionsAtNegativeOffset", "BAD_REQUEST");
	}

	@Test
	void endDateBeforeStartDateIsABadRequest() {
		expectError("spendingWithEndBeforeStart", "BAD_REQUEST");
	}

	@Test
	void malformedDatesAndUuidsAreBadRequests() {
		expectError("transactionsFromFebruary30", "BAD_REQUEST");
		expectError("transactionsFromYesterday", "BAD_REQUEST");
		expectError("transactionsOfMalformedAccountId", "BAD_REQUEST");
		graphQl.documentName("transactionTotalFrom")
			.variable("d", "2026-13-01")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
	}

	@Test
	void shortenedUuidsAreBadRequestsLikeOnRest() {
		expectError("transactionsOfShortenedAccountId", "BAD_REQUEST");
		expectError("spendingOfShortenedTagId", "BAD_REQUEST");
		graphQl.documentName("transactionTotalForAccounts")
			.variable("a", List.of("1-1-1-1-1"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
	}

	@Test
	void canonicalUuidsAreAcceptedInEitherCase() throws Exception {
		UUID account = source.accountsOf(user).getFirst();
		long lower = countForAccount(account.toString());
		assertThat(lower).isPositive();
		assertThat(countForAccount(account.toString().toUpperCase(Locale.ROOT))).isEqualTo(lower);
	}

	private long countForAccount(String accountId) {
		return graphQl.documentName("transactionTotalForAccounts")
			.variable("a", List.of(accountId))
			.execute()
			.path("fctTransactions.totalCount")
			.entity(Long.class)
			.get();
	}

	@Test
	void unknownOrderByColumnIsABadRequest() {
		expectError("transactionsOrderedByUnknownColumn", "BAD_REQUEST");
	}

	@Test
	void unknownDatasetIsNotFound() {
		expectError("unknownDataset", "NOT_FOUND");
	}

	@Test
	void discoveryDescribesEveryMartWithTypedColumns() throws Exception {
		graphQl.documentName("datasetIds")
			.execute()
			.path("datasets[*].id")
			.entityList(String.class)
			.containsExactly("dim_accounts", "dim_tags", "fct_daily_balance_history", "fct_daily_spending_by_tag",
					"fct_monthly_trends", "fct_transactions");
		GraphQlTester.Response dataset = graphQl.documentName("transactionsDataset").execute();
		dataset.path("dataset.field").entity(String.class).isEqualTo("fctTransactions");
		dataset.path("dataset.name").entity(String.class).isEqualTo("Transactions");
		dataset.path("dataset.timeGrain").entity(String.class).isEqualTo("day");
		dataset.path("dataset.filters")
			.entityList(String.class)
			.containsExactly("startDate", "endDate", "accountIds", "tagIds");
		List<Map> columns = dataset.path("dataset.columns").entityList(Map.class).get();
		Map<Object, Object> types = new HashMap<>();
		columns.forEach(column -> types.put(column.get("name"), column.get("type")));
		assertThat(types).containsEntry("amount", "BigDecimal")
			.containsEntry("booking_date", "Date")
			.containsEntry("tag_ids", "[UUID]")
			.containsEntry("transaction_id", "UUID")
			.containsEntry("is_transfer", "Boolean");
	}

	@Test
	void statusNamesThePublishedSnapshot() throws Exception {
		String current = Files.readString(TestFixtures.testSnapshots().resolve("CURRENT")).trim();
		GraphQlTester.Response status = graphQl.documentName("snapshotStatus").execute();
		status.path("analyticsStatus.available").entity(Boolean.class).isEqualTo(true);
		status.path("analyticsStatus.snapshotId").entity(String.class).isEqualTo(current);
		status.path("analyticsStatus.datasetCount").entity(Integer.class).isEqualTo(6);
		status.path("analyticsStatus.dbtVersion").entity(String.class).isEqualTo("1.11.16");
	}

	private void expectError(String documentName, String code) {
		graphQl.documentName(documentName)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getExtensions()).containsEntry("code", code);
				assertThat(error.getMessage()).doesNotContainIgnoringCase("select").doesNotContain("Exception");
			}));
	}

}
