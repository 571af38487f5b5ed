package com.finance.analytics.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.finance.analytics.TestFixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SnapshotDatabaseTest {

	private SnapshotDatabase database;

	private Connection request;

	@BeforeEach
	void open() throws Exception {
		database = SnapshotDatabase.open(TestFixtures.currentTestSnapshot().resolve("analytics.duckdb"), 2);
		request = database.connect();
	}

	@AfterEach
	void close() throws Exception {
		request.close();
		database.close();
	}

	@Test
	void connectionsDuplicatedForRequestsNeverUseLateMaterialization() throws Exception {
		try (Statement statement = request.createStatement();
				ResultSet setting = statement.executeQuery(
						"select current_setting('late_materialization_max_rows'), current_setting('threads'), "
								+ "current_setting('memory_limit')")) {
			setting.next();
			assertThat(setting.getLong(1)).isZero();
			assertThat(setting.getLong(2)).isEqualTo(2);
			// SnapshotDatabase.DEFAULT_MEMORY_LIMIT, 192MB (10^6 bytes each), as DuckDB
			// prints it
			assertThat(setting.getString(3)).isEqualTo("183.1 MiB");
		}
	}

	@Test
	void groupedTotalIsPlannedWithoutCompressedMaterialization() throws Exception {
		try (Statement statement = request.createStatement();
				ResultSet plan = statement.executeQuery("explain select currency, sum(amount) "
						+ "from main.fct_transactions where booking_date >= date '2025-01-01' group by currency")) {
			plan.next();
			assertThat(plan.getString(2)).contains("HASH_GROUP_BY").doesNotContain("__internal_compress");
		}
	}

	@Test
	void refusesAMemoryLimitThatIsNotASize() {
		assertThatThrownBy(() -> SnapshotDatabase.open(TestFixtures.currentTestSnapshot().resolve("analytics.duckdb"),
				2, "1GB'; select 1; --"))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
