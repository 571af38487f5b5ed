package com.finance.analytics.snapshot;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where snapshots are published and how they are opened.
 *
 * @param snapshotsDir the directory holding {@code CURRENT} and one directory per
 * snapshot
 * @param pollInterval how often {@code CURRENT} is checked for a new id
 * @param duckdbThreads DuckDB threads per statement; with statements bounded to about one
 * per core, a second thread per one-user statement only adds CPU (docs/performance.md)
 * @param duckdbMemoryLimit DuckDB's buffer cache per snapshot (its default, 80 % of the
 * machine, let the gateway's resident memory grow past 1 GiB on 10 million transactions;
 * see docs/performance.md)
 * @param keepSnapshots known-good snapshots kept on disk by {@link SnapshotRetention},
 * the served one included
 */
@ConfigurationProperties("analytics")
public record SnapshotProperties(@DefaultValue("var/snapshots") Path snapshotsDir,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("1") int duckdbThreads,
		@DefaultValue(SnapshotDatabase.DEFAULT_MEMORY_LIMIT) String duckdbMemoryLimit,
		@DefaultValue("3") int keepSnapshots) {
}
