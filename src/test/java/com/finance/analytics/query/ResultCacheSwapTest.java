package com.finance.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.finance.analytics.GatewayTest;
import com.finance.analytics.SignedIn;
import com.finance.analytics.TestFixtures;
import com.finance.analytics.schema.ResponseCache;

/**
 * A swap empties every cache of the old snapshot: after the pointer moves, the same
 * queries of the same user answer from the new snapshot. One query is repeated as sent
 * (the cache of whole answers answers it), the other by a second document reading the
 * same statements (this statement cache answers it: the page from its answers, the
 * accounts and tags from the user's working set). The new snapshot is the test snapshot
 * (built by the real dbt project) with some of the user's transactions deleted and their
 * accounts renamed, its checksum recorded again, so the two snapshots answer differently.
 */
@GatewayTest
class ResultCacheSwapTest {

	private static final String FIRST_ID = "20000101T000000Z-cache";

	private static final String SECOND_ID = "20000102T000000Z-fewer";

	private static final int DELETED = 5;

	private static final String RENAMED = "Renamed ";

	private static final String DATABASE_FILE = "analytics.duckdb";

	private static final String ASKED = "transactionsPageWithAccountAndTags";

	private static final String ASKED_AGAIN = "transactionsPageWithTagsAndAccount";

	private static final Duration SWAP_WAIT = Duration.ofMinutes(1);

	private static Path snapshots;

	@Autowired
	private HttpGraphQlTester anonymous;

	@Autowired
	private ResultCache cache;

	@Autowired
	private ResponseCache responses;

	@DynamicPropertySource
	static void temporarySnapshots(DynamicPropertyRegistry registry) throws IOException {
		snapshots = Files.createTempDirectory("result-cache-swap");
		TestFixtures.copyTestSnapshot(snapshots, FIRST_ID);
		TestFixtures.publish(snapshots, FIRST_ID);
		registry.add("analytics.snapshots-dir", snapshots::toString);
		registry.add("analytics.poll-interval", () -> "200ms");
	}

	@Test
	void afterASwapTheSameQueriesAnswerFromTheNewSnapshot() throws Exception {
		UUID user = mostActiveUser(snapshots.resolve(FIRST_ID).resolve(DATABASE_FILE));
		HttpGraphQlTester caller = SignedIn.as(anonymous, user);
		long before = transactionCount(caller, ASKED);
		long answerHits = responses.stats().hitCount();
		long resultHits = cache.stats().hitCount();
		long workingSetHits = cache.workingSetStats().hitCount();
		assertThat(transactionCount(caller, ASKED)).isEqualTo(before);
		assertThat(responses.stats().hitCount()).as("the repeat came from the answer cache").isGreaterThan(answerHits);
		assertThat(transactionCount(caller, ASKED_AGAIN)).isEqualTo(before);
		assertThat(cache.stats().hitCount()).as("the other document's page came from the statement cache")
			.isGreaterThan(resultHits);
		assertThat(cache.workingSetStats().hitCount()).as("its accounts and tags from the user's working set")
			.isGreaterThan(workingSetHits);
		assertThat(accountNames(caller, ASKED_AGAIN)).isNotEmpty().noneMatch(name -> name.startsWith(RENAMED));

		Path second = TestFixtures.copyWithoutTransactions(snapshots, SECOND_ID, user, DELETED);
		renameAccounts(second, user);
		TestFixtures.publish(snapshots, SECOND_ID);
		awaitServed(caller, SECOND_ID);

		assertThat(transactionCount(caller, ASKED)).isEqualTo(before - DELETED);
		assertThat(transactionCount(caller, ASKED_AGAIN)).isEqualTo(before - DELETED);
		assertThat(accountNames(caller, ASKED_AGAIN)).isNotEmpty().allMatch(name -> name.startsWith(RENAMED));
	}

	private static List<String> accountNames(HttpGraphQlTester caller, String document) {
		return caller.documentName(document)
			.variable("limit", 1)
			.variable("offset", 0)
			.execute()
			.path("fctTransactions.nodes[*].account.accountName")
			.entityList(String.class)
			.get();
	}

	private static void renameAccounts(Path snapshot, UUID user) throws IOException, SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + snapshot.resolve(DATABASE_FILE));
				PreparedStatement rename = connection.prepareStatement(
						"update main.dim_accounts set account_name = ? || account_name where user_id = ?");
				Statement checkpoint = connection.createStatement()) {
			rename.setString(1, RENAMED);
			rename.setObject(2, user);
			assertThat(rename.executeUpdate()).as("the user's accounts renamed").isPositive();
			checkpoint.execute("checkpoint");
		}
		TestFixtures.recordChecksum(snapshot, DATABASE_FILE);
	}

	private static long transactionCount(HttpGraphQlTester caller, String document) {
		return caller.documentName(document)
			.variable("limit", 1)
			.variable("offset", 0)
			.execute()
			.path("fctTransactions.totalCount")
			.entity(Long.class)
			.get();
	}

	private static void awaitServed(HttpGraphQlTester caller, String id) throws InterruptedException {
		long deadline = System.nanoTime() + SWAP_WAIT.toNanos();
		while (!id.equals(caller.documentName("servedSnapshotId")
			.execute()
			.path("analyticsStatus.snapshotId")
			.entity(String.class)
			.get())) {
			assertThat(System.nanoTime()).as("the gateway serving " + id).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private static UUID mostActiveUser(Path duckDbFile) throws SQLException {
		try (Connection snapshot = TestFixtures.openReadOnly(duckDbFile);
				PreparedStatement statement = snapshot.prepareStatement(
						"select user_id from main.fct_transactions group by user_id order by count(*) desc, user_id limit 1");
				ResultSet row = statement.executeQuery()) {
			row.next();
			return row.getObject(1, UUID.class);
		}
	}

}
