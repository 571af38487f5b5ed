package com.finance.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.finance.analytics.GatewayTest;
import com.finance.analytics.SignedIn;
import com.finance.analytics.TestFixtures;

/**
 * A swap empties the result cache of the old snapshot's answers: after the pointer moves,
 * the same query of the same user answers from the new snapshot. The new snapshot is the
 * test snapshot (built by the real dbt project) with some of the user's transactions
 * deleted and its checksum recorded again, so the two snapshots answer differently.
 */
@GatewayTest
class ResultCacheSwapTest {

	private static final String FIRST_ID = "20000101T000000Z-cache";

	private static final String SECOND_ID = "20000102T000000Z-fewer";

	private static final int DELETED = 5;

	private static final Duration SWAP_WAIT = Duration.ofMinutes(1);

	private static Path snapshots;

	@Autowired
	private HttpGraphQlTester anonymous;

	@Autowired
	private ResultCache cache;

	@DynamicPropertySource
	static void temporarySnapshots(DynamicPropertyRegistry registry) throws IOException {
		snapshots = Files.createTempDirectory("result-cache-swap");
		TestFixtures.copyTestSnapshot(snapshots, FIRST_ID);
		TestFixtures.publish(snapshots, FIRST_ID);
		registry.add("analytics.snapshots-dir", snapshots::toString);
		registry.add("analytics.poll-interval", () -> "200ms");
	}

	@Test
	void afterASwapTheSameQueryAnswersFromTheNewSnapshot() throws Exception {
		UUID user = mostActiveUser(snapshots.resolve(FIRST_ID).resolve("analytics.duckdb"));
		HttpGraphQlTester caller = SignedIn.as(anonymous, user);
		long before = transactionCount(caller);
		long hits = cache.stats().hitCount();
		assertThat(transactionCount(caller)).isEqualTo(before);
		assertThat(cache.stats().hitCount()).as("the repeat before the swap came from the cache").isGreaterThan(hits);

		TestFixtures.copyWithoutTransactions(snapshots, SECOND_ID, user, DELETED);
		TestFixtures.publish(snapshots, SECOND_ID);
		awaitServed(caller, SECOND_ID);

		assertThat(transactionCount(caller)).isEqualTo(before - DELETED);
	}

	private static long transactionCount(HttpGraphQlTester caller) {
		return caller.documentName("transactionCount")
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
