package com.finance.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import com.finance.analytics.GatewayTest;
import com.finance.analytics.SignedIn;
import com.finance.analytics.SourceData;

/**
 * The snapshot-keyed result cache on the live gateway: answers from the cache equal the
 * first answer, and one user's cached answer never reaches another user asking the very
 * same query. The repeats are asked by a second document reading the same statements (the
 * fields in another order), which the cache of whole answers does not know, so they reach
 * this cache (its answers, or the user's working sets). Each test asks with variables no
 * other test uses, so its first request is a miss whatever ran before.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultCacheTest {

	private static final LocalDate ALL_START = LocalDate.parse("2000-01-01");

	private static final LocalDate ALL_END = LocalDate.parse("2100-01-01");

	@Autowired
	private HttpGraphQlTester anonymous;

	@Autowired
	private ResultCache cache;

	@Autowired
	private QueryExecutor executor;

	private SourceData source;

	private List<UUID> users;

	@BeforeAll
	void openSource() throws Exception {
		source = SourceData.open();
		users = source.usersByActivity();
	}

	@AfterAll
	void closeSource() throws Exception {
		source.close();
	}

	@Test
	void repeatedNestedPageAnswersAsTheFirstWithoutAStatement() {
		HttpGraphQlTester caller = SignedIn.as(anonymous, users.get(2));
		Map<?, ?> first = page(caller, 13, 5);
		long workingSetHitsBefore = cache.workingSetStats().hitCount();
		long statementsBefore = executor.statementsExecuted();
		Map<?, ?> second = pageAgain(caller, 13, 5);

		assertThat((List<?>) first.get("nodes")).hasSize(13);
		assertThat(second).isEqualTo(first);
		assertThat(executor.statementsExecuted() - statementsBefore).as("page, accounts and tags from the cache")
			.isZero();
		assertThat(cache.workingSetStats().hitCount() - workingSetHitsBefore)
			.as("rows per date, accounts and tags from the user's working set")
			.isGreaterThanOrEqualTo(3);
	}

	@Test
	void sameQueryOfAnotherUserAnswersWithTheirOwnRows() throws Exception {
		UUID first = users.getFirst();
		UUID second = users.getLast();
		Map<?, ?> firstAnswer = page(SignedIn.as(anonymous, first), 11, 7);
		long statementsBefore = executor.statementsExecuted();
		pageAgain(SignedIn.as(anonymous, first), 11, 7);
		assertThat(executor.statementsExecuted()).as("the first user's repeat is answered from the cache")
			.isEqualTo(statementsBefore);
		Map<?, ?> secondAnswer = page(SignedIn.as(anonymous, second), 11, 7);

		assertThat(((Number) secondAnswer.get("totalCount")).longValue())
			.isEqualTo(source.transactionCount(second, ALL_START, ALL_END, List.of()))
			.isNotEqualTo(((Number) firstAnswer.get("totalCount")).longValue());
		List<UUID> accounts = source.accountsOf(second);
		for (Object row : (List<?>) secondAnswer.get("nodes")) {
			Map<?, ?> node = (Map<?, ?>) row;
			assertThat(UUID.fromString((String) node.get("accountId"))).isIn(accounts);
			assertThat(((Map<?, ?>) node.get("account")).get("userId")).isEqualTo(second.toString());
			for (Object tag : (List<?>) node.get("tags")) {
				assertThat(((Map<?, ?>) tag).get("userId")).isEqualTo(second.toString());
			}
		}
	}

	@Test
	void spendingOverAnotherRangeOfTheSameUserNeedsNoStatement() throws Exception {
		UUID user = users.get(3);
		HttpGraphQlTester caller = SignedIn.as(anonymous, user);
		spending(caller, LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"));
		long statementsBefore = executor.statementsExecuted();
		long workingSetHitsBefore = cache.workingSetStats().hitCount();
		List<?> rows = spending(caller, LocalDate.parse("2026-01-07"), LocalDate.parse("2026-03-19"));

		assertThat(executor.statementsExecuted() - statementsBefore).as("totalled from the user's sums per date")
			.isZero();
		assertThat(cache.workingSetStats().hitCount() - workingSetHitsBefore).isOne();
		assertThat(rows)
			.hasSize(source.spendingByTag(user, LocalDate.parse("2026-01-07"), LocalDate.parse("2026-03-19")).size());
		assertThat(spending(SignedIn.as(anonymous, users.get(4)), LocalDate.parse("2026-01-07"),
				LocalDate.parse("2026-03-19")))
			.as("another user's sums, not these")
			.hasSize(source.spendingByTag(users.get(4), LocalDate.parse("2026-01-07"), LocalDate.parse("2026-03-19"))
				.size())
			.isNotEqualTo(rows);
	}

	private static List<?> spending(HttpGraphQlTester caller, LocalDate start, LocalDate end) {
		return caller.documentName("spendingByTagTotals")
			.variable("start", start.toString())
			.variable("end", end.toString())
			.execute()
			.path("spendingByTag")
			.entity(List.class)
			.get();
	}

	private static Map<?, ?> page(HttpGraphQlTester caller, int limit, int offset) {
		return page(caller, "transactionsPageWithAccountAndTags", limit, offset);
	}

	private static Map<?, ?> pageAgain(HttpGraphQlTester caller, int limit, int offset) {
		return page(caller, "transactionsPageWithTagsAndAccount", limit, offset);
	}

	private static Map<?, ?> page(HttpGraphQlTester caller, String document, int limit, int offset) {
		return caller.documentName(document)
			.variable("limit", limit)
			.variable("offset", offset)
			.execute()
			.path("fctTransactions")
			.entity(Map.class)
			.get();
	}

}
