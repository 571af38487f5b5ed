package com.finance.analytics.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.TestFixtures;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.query.QueryExecutor;
import com.finance.analytics.query.QueryProperties;
import com.finance.analytics.query.SqlStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The swap logic on real snapshot copies: recovery, rejection of broken snapshots, and
 * draining of leases.
 */
class SnapshotManagerTest {

	@TempDir
	Path snapshots;

	private SnapshotManager manager;

	@AfterEach
	void stop() {
		if (manager != null) {
			manager.stop();
		}
	}

	@Test
	void startsWithoutSnapshotAndRecoversWhenOneIsPublished() throws Exception {
		manager = start(List.of());
		assertThat(manager.status().available()).isFalse();
		assertThat(manager.lease()).isEmpty();

		TestFixtures.copyTestSnapshot(snapshots, "20260101T000000Z-aaaa");
		TestFixtures.publish(snapshots, "20260101T000000Z-aaaa");
		manager.refresh();

		assertThat(manager.status().available()).isTrue();
		assertThat(manager.status().datasetCount()).isEqualTo(6);
		assertThat(manager.current()).map(Snapshot::id).contains("20260101T000000Z-aaaa");
	}

	@Test
	void publishedIdWithoutItsDatabaseIsUnavailableUntilTheFileAppears() throws Exception {
		Path directory = TestFixtures.copyTestSnapshot(snapshots, "20260101T000000Z-aaaa");
		Path database = directory.resolve("analytics.duckdb");
		Path aside = snapshots.resolve("aside.duckdb");
		Files.move(database, aside);
		TestFixtures.publish(snapshots, "20260101T000000Z-aaaa");
		manager = start(List.of());

		assertThat(manager.status().available()).isFalse();
		assertThat(manager.status().problem())
			.hasValueSatisfying(problem -> assertThat(problem).contains("incomplete"));

		Files.move(aside, database);
		manager.refresh();
		assertThat(manager.status().available()).isTrue();
		assertThat(manager.status().problem()).isEmpty();
	}

	@Test
	void corruptSnapshotIsRejectedAndThePreviousOneKeepsServing() throws Exception {
		TestFixtures.copyTestSnapshot(snapshots, "20260101T000000Z-aaaa");
		TestFixtures.publish(snapshots, "20260101T000000Z-aaaa");
		manager = start(List.of());

		Path broken = TestFixtures.copyTestSnapshot(snapshots, "20260102T000000Z-bbbb");
		Files.writeString(broken.resolve("analytics.duckdb"), "this is not a database");
		TestFixtures.publish(snapshots, "20260102T000000Z-bbbb");
		manager.refresh();

		assertThat(manager.current()).map(Snapshot::id).contains("20260101T000000Z-aaaa");
		assertThat(manager.status().problem())
			.hasValueSatisfying(problem -> assertThat(problem).contains("20260102T000000Z-bbbb"));
	}

	@Test
	void snapshotWithOverwrittenDataBlocksIsRejectedAndThePreviousOneKeepsServing() throws Exception {
		TestFixtures.copyTestSnapshot(snapshots, "20260101T000000Z-aaaa");
		TestFixtures.publish(snapshots, "20260101T000000Z-aaaa");
		manager = start(List.of());

		Path damaged = TestFixtures.copyTestSnapshot(snapshots, "20260102T000000Z-bbbb");
		DamagedCopies.overwriteDataBlocks(damaged.resolve("analytics.duckdb"));
		TestFixtures.publish(snapshots, "20260102T000000Z-bbbb");
		manager.refresh();
		manager.refresh();

		assertThat(manager.current()).map(Snapshot::id).contains("20260101T000000Z-aaaa");
		assertThat(manager.isRejected("20260102T000000Z-bbbb")).isTrue();
		assertThat(manager.latestRejection()).hasValueSatisfying(rejection -> {
			assertThat(rejection.id()).isEqualTo("20260102T000000Z-bbbb");
			assertThat(rejection.reason()).contains("analytics.duckdb", "checksum");
		});
		assertThat(manager.status().problem())
			.hasValueSatisfying(problem -> assertThat(problem).contains("20260102T000000Z-bbbb", "rejected"));
	}

	@Test
	void snapshotWithoutRecordedChecksumsIsRefused() throws Exception {
		Path directory = TestFixtures.copyTestSnapshot(snapshots, "20260101T000000Z-aaaa");
		Files.writeString(directory.resolve("snapshot.json"),
				"{\"id\": \"20260101T000000Z-aaaa\", \"built_at\": \"2026-01-01T00:00:00Z\"}");
		TestFixtures.publish(snapshots, "20260101T000000Z-aaaa");
		manager = start(List.of());

		assertThat(manager.status().available()).isFalse();
		assertThat(manager.latestRejection())
			.hasValueSatisfying(rejection -> assertThat(rejection.reason()).contains("no file checksums"));
	}

	@Test
	void startingOnADamagedSnapshotServesTheNewestOlderOneThatVerifies() throws Exception {
		TestFixtures.copyTestSnapshot(snapshots, "20260101T000000Z-aaaa");
		Path alsoDamaged = TestFixtures.copyTestSnapshot(snapshots, "20260102T000000Z-bbbb");
		DamagedCopies.overwriteDataBlocks(alsoDamaged.resolve("analytics.duckdb"));
		Path damaged = TestFixtures.copyTestSnapshot(snapshots, "20260103T000000Z-cccc");
		DamagedCopies.overwriteDataBlocks(damaged.resolve("analytics.duckdb"));
		TestFixtures.publish(snapshots, "20260103T000000Z-cccc");

		manager = start(List.of());

		assertThat(manager.current()).map(Snapshot::id).contains("20260101T000000Z-aaaa");
		assertThat(manager.isRejected("20260102T000000Z-bbbb")).isTrue();
		assertThat(manager.isRejected("20260103T000000Z-cccc")).isTrue();
		assertThat(manager.latestRejection()).as("the published one, not a fallback candidate")
			.map(SnapshotRejection::id)
			.contains("20260103T000000Z-cccc");
	}

	@Test
	void damageFoundWhileServingAnswersUnavailableAndFallsBackToTheNewestGoodSnapshot() throws Exception {
		TestFixtures.copyTestSnapshot(snapshots, "20260101T000000Z-aaaa");
		Path served = TestFixtures.copyTestSnapshot(snapshots, "20260102T000000Z-bbbb");
		TestFixtures.publish(snapshots, "20260102T000000Z-bbbb");
		manager = start(List.of());
		Snapshot damaged = manager.current().orElseThrow();
		assertThat(damaged.id()).isEqualTo("20260102T000000Z-bbbb");
		// After verification, as a failing disk would: only the statements reading these
		// blocks can notice.
		DamagedCopies.overwriteDataBlocks(served.resolve("analytics.duckdb"));

		QueryExecutor executor = new QueryExecutor(new QueryProperties(Duration.ofSeconds(30), 1));
		List<ErrorCode> failures = new ArrayList<>();
		for (Dataset mart : damaged.catalog().datasets()) {
			String sql = "select * from \"" + mart.schema() + "\".\"" + mart.table() + "\"";
			try {
				executor.execute(damaged, new SqlStatement(sql, List.of()), rows -> {
					while (rows.next()) {
						rows.getObject(1);
					}
					return null;
				});
			}
			catch (AnalyticsException e) {
				failures.add(e.code());
			}
		}
		awaitCurrent("20260101T000000Z-aaaa");

		assertThat(failures).as("statements that read the damaged blocks")
			.isNotEmpty()
			.containsOnly(ErrorCode.UNAVAILABLE);
		assertThat(manager.isRejected("20260102T000000Z-bbbb")).isTrue();
		assertThat(manager.latestRejection())
			.hasValueSatisfying(rejection -> assertThat(rejection.reason()).contains("Corrupt database file"));
		assertThat(damaged.isClosed()).as("the damaged snapshot is retired and closed").isTrue();
	}

	@Test
	void replacedSnapshotStaysOpenUntilItsLastLeaseIsClosed() throws Exception {
		TestFixtures.copyTestSnapshot(snapshots, "20260101T000000Z-aaaa");
		TestFixtures.publish(snapshots, "20260101T000000Z-aaaa");
		manager = start(List.of());
		SnapshotLease lease = manager.lease().orElseThrow();
		Snapshot old = lease.snapshot();

		TestFixtures.copyTestSnapshot(snapshots, "20260102T000000Z-bbbb");
		TestFixtures.publish(snapshots, "20260102T000000Z-bbbb");
		manager.refresh();

		assertThat(manager.current()).map(Snapshot::id).contains("20260102T000000Z-bbbb");
		assertThat(old.isClosed()).isFalse();
		try (var connection = old.database().connect();
				var statement = connection.createStatement();
				var rows = statement.executeQuery("select count(*) from main.fct_transactions")) {
			rows.next();
			assertThat(rows.getLong(1)).isPositive();
		}
		lease.close();
		assertThat(old.isClosed()).isTrue();
	}

	@Test
	void failingPreparerRejectsTheSnapshot() throws Exception {
		TestFixtures.copyTestSnapshot(snapshots, "20260101T000000Z-aaaa");
		TestFixtures.publish(snapshots, "20260101T000000Z-aaaa");
		SnapshotPreparer failing = snapshot -> {
			throw new IllegalStateException("schema could not be generated");
		};
		manager = start(List.of(failing));

		assertThat(manager.status().available()).isFalse();
		assertThat(manager.status().problem())
			.hasValueSatisfying(problem -> assertThat(problem).contains("20260101T000000Z-aaaa"));
	}

	@Test
	void listenersHearAboutEachSwap() throws Exception {
		manager = start(List.of());
		List<String> published = new java.util.concurrent.CopyOnWriteArrayList<>();
		manager.addListener(snapshot -> published.add(snapshot.id()));
		TestFixtures.copyTestSnapshot(snapshots, "20260101T000000Z-aaaa");
		TestFixtures.publish(snapshots, "20260101T000000Z-aaaa");
		manager.refresh();
		manager.refresh();

		assertThat(published).containsExactly("20260101T000000Z-aaaa");
	}

	private void awaitCurrent(String id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!manager.current().map(Snapshot::id).orElse("").equals(id) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(manager.current()).map(Snapshot::id).contains(id);
	}

	private SnapshotManager start(List<SnapshotPreparer> preparers) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		for (int i = 0; i < preparers.size(); i++) {
			beans.addBean("preparer" + i, preparers.get(i));
		}
		ObjectProvider<SnapshotPreparer> provider = beans.getBeanProvider(SnapshotPreparer.class);
		SnapshotManager started = new SnapshotManager(
				new SnapshotProperties(snapshots, Duration.ofHours(1), 1, "256MB", 3), provider);
		started.afterSingletonsInstantiated();
		return started;
	}

}
