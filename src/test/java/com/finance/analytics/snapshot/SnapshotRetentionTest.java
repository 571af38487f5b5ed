package com.finance.analytics.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import com.finance.analytics.TestFixtures;

/**
 * Retention on real snapshot copies and a real snapshot manager: it counts only snapshots
 * known to be good, so damaged publishes can never push the last good ones off the disk,
 * and it deletes the damaged ones.
 */
class SnapshotRetentionTest {

	@TempDir
	Path snapshots;

	private SnapshotManager manager;

	@AfterEach
	void stopManager() {
		Optional.ofNullable(manager).ifPresent(SnapshotManager::stop);
	}

	@Test
	void rejectedPublishesAreDeletedAndNeverCountAgainstTheGoodOnesKept() throws Exception {
		good("20260101T000000Z-aaaa");
		good("20260102T000000Z-bbbb");
		good("20260103T000000Z-cccc");
		TestFixtures.publish(snapshots, "20260103T000000Z-cccc");
		start(2);
		publishDamaged("20260104T000000Z-dddd");
		publishDamaged("20260105T000000Z-eeee");
		assertThat(directories()).as("rejected, but the one CURRENT names stays for the operator")
			.contains("20260105T000000Z-eeee");

		good("20260106T000000Z-ffff");
		TestFixtures.publish(snapshots, "20260106T000000Z-ffff");
		manager.refresh();

		assertThat(directories()).containsExactly("20260103T000000Z-cccc", "20260106T000000Z-ffff");
	}

	@Test
	void olderSnapshotWhoseFilesNoLongerMatchIsDeletedAndTheGoodOnesKept() throws Exception {
		good("20260101T000000Z-aaaa");
		Path damaged = good("20260102T000000Z-bbbb");
		DamagedCopies.overwriteDataBlocks(damaged.resolve("analytics.duckdb"));
		good("20260103T000000Z-cccc");
		TestFixtures.publish(snapshots, "20260103T000000Z-cccc");
		start(3);

		good("20260104T000000Z-dddd");
		TestFixtures.publish(snapshots, "20260104T000000Z-dddd");
		manager.refresh();

		assertThat(directories()).containsExactly("20260101T000000Z-aaaa", "20260103T000000Z-cccc",
				"20260104T000000Z-dddd");
	}

	@Test
	void servingAnOlderSnapshotAfterARejectionKeepsItAndTheNewestGoodOnes() throws Exception {
		good("20260101T000000Z-aaaa");
		good("20260102T000000Z-bbbb");
		good("20260103T000000Z-cccc");
		Path damaged = good("20260104T000000Z-dddd");
		DamagedCopies.overwriteDataBlocks(damaged.resolve("analytics.duckdb"));
		Files.createDirectories(snapshots.resolve("lost+found"));
		TestFixtures.publish(snapshots, "20260104T000000Z-dddd");

		start(2);

		assertThat(manager.current())
			.hasValueSatisfying(served -> assertThat(served.id()).isEqualTo("20260103T000000Z-cccc"));
		assertThat(directories()).as("a directory without snapshot files is not retention's")
			.containsExactly("20260102T000000Z-bbbb", "20260103T000000Z-cccc", "20260104T000000Z-dddd", "lost+found");
	}

	private Path good(String id) throws IOException {
		return TestFixtures.copyTestSnapshot(snapshots, id);
	}

	private void publishDamaged(String id) throws IOException {
		Path directory = TestFixtures.copyTestSnapshot(snapshots, id);
		DamagedCopies.overwriteDataBlocks(directory.resolve("analytics.duckdb"));
		TestFixtures.publish(snapshots, id);
		manager.refresh();
	}

	/**
	 * A manager with retention listening, started the way Spring starts them (retention
	 * registers first).
	 */
	private void start(int keep) {
		SnapshotProperties snapshotProperties = new SnapshotProperties(snapshots, Duration.ofHours(1), 1, "256MB",
				keep);
		manager = new SnapshotManager(snapshotProperties,
				new StaticListableBeanFactory().getBeanProvider(SnapshotPreparer.class));
		new SnapshotRetention(manager, snapshotProperties).register();
		manager.afterSingletonsInstantiated();
	}

	private List<String> directories() throws IOException {
		try (Stream<Path> entries = Files.list(snapshots)) {
			return entries.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
		}
	}

}
