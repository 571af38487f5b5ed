package com.finance.analytics.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.TestFixtures;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

class PooledConnectionTest {

	@Test
	void sameTextReusesItsPreparedStatementAndTheLeastRecentlyUsedIsClosedBeyondTheBound() throws Exception {
		try (SnapshotDatabase database = SnapshotDatabase
			.open(TestFixtures.currentTestSnapshot().resolve("analytics.duckdb"), 1)) {
			PooledConnection connection = database.borrow();
			PreparedStatement first = connection.prepare("select 0");
			assertThat(connection.prepare("select 0")).isSameAs(first);

			for (int i = 1; i <= PooledConnection.MAX_PREPARED; i++) {
				connection.prepare("select " + i);
			}

			assertThat(connection.preparedStatements()).isEqualTo(PooledConnection.MAX_PREPARED);
			assertThat(first.isClosed()).isTrue();
			database.release(connection);
		}
	}

	@Test
	void connectionHandedBackAfterTheDatabaseClosedIsClosedToo() throws Exception {
		SnapshotDatabase database = SnapshotDatabase
			.open(TestFixtures.currentTestSnapshot().resolve("analytics.duckdb"), 1);
		PooledConnection connection = database.borrow();
		PreparedStatement statement = connection.prepare("select 1");
		database.release(database.borrow());
		database.close();

		database.release(connection);

		assertThat(statement.isClosed()).isTrue();
		assertThat(database.idleConnections()).isZero();
	}

}
