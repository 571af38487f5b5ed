package com.finance.analytics.query;

import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotCache;
import com.finance.analytics.snapshot.SnapshotListener;
import com.finance.analytics.snapshot.SnapshotManager;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Results of statements, kept until the snapshot they were read from is replaced
 * ({@link SnapshotCache}): the key names the snapshot and the user ({@link ResultKey}).
 * Two regions, each bounded by approximate bytes ({@link ResultWeight}): the answers to
 * requests, and users' working sets (the ids they own, their accounts and tags, their
 * rows and sums per date), which every request of the same user reads again. Apart, a
 * flood of answers asked once (every page of every user) cannot evict the working sets
 * that the next request of each user needs. A miss costs one lookup and, after the
 * statement, one weighing; two requests missing the same key at once both run the
 * statement (no lock is held while DuckDB works).
 */
@Component
public class ResultCache implements SnapshotListener {

	/**
	 * Name of the cache in metrics ({@code cache_gets_total{cache="analytics.results"}}).
	 */
	public static final String METRICS_NAME = "analytics.results";

	/**
	 * Name of the working sets' region in metrics
	 * ({@code cache_gets_total{cache="analytics.working-sets"}}).
	 */
	public static final String WORKING_SETS_METRICS_NAME = "analytics.working-sets";

	private final SnapshotCache<ResultKey, Entry> entries;

	private final SnapshotCache<ResultKey, Entry> workingSets;

	public ResultCache(ResultCacheProperties properties, ObjectProvider<MeterRegistry> registry) {
		this.entries = region(METRICS_NAME, properties.maxSize(), registry);
		this.workingSets = region(WORKING_SETS_METRICS_NAME, properties.workingSetMaxSize(), registry);
	}

	private static SnapshotCache<ResultKey, Entry> region(String name, DataSize maxSize,
			ObjectProvider<MeterRegistry> registry) {
		return new SnapshotCache<>(name, maxSize, (key, entry) -> entry.weight(), ResultKey::snapshotId, registry);
	}

	/**
	 * Follows the snapshots the manager serves (a method, so that the benchmark's raw
	 * baseline can build this cache without a manager and tell it its one snapshot).
	 */
	@Autowired
	void followSnapshots(SnapshotManager snapshots) {
		entries.follow(snapshots);
		workingSets.follow(snapshots);
	}

	/**
	 * The cached value of {@code statement} read as {@code reading} for {@code userId} on
	 * {@code snapshot}, or the value {@code read} returns, then kept. The value must be
	 * immutable: every later caller gets the same instance.
	 */
	<T> T get(Snapshot snapshot, UUID userId, String reading, SqlStatement statement, Supplier<T> read) {
		return get(entries, snapshot, userId, reading, statement, read);
	}

	/**
	 * As {@link #get}, in the working sets' region: for what every request of the user
	 * reads again, whatever it asks.
	 */
	<T> T workingSet(Snapshot snapshot, UUID userId, String reading, SqlStatement statement, Supplier<T> read) {
		return get(workingSets, snapshot, userId, reading, statement, read);
	}

	/**
	 * Whether an answer to {@code statement} read as {@code reading} is kept now; neither
	 * a hit nor a miss.
	 */
	boolean holds(Snapshot snapshot, UUID userId, String reading, SqlStatement statement) {
		return entries.enabled() && entries.holds(ResultKey.of(snapshot.id(), userId, reading, statement));
	}

	/**
	 * Whether the user's working set read by {@code statement} as {@code reading} is kept
	 * now; neither a hit nor a miss.
	 */
	boolean holdsWorkingSet(Snapshot snapshot, UUID userId, String reading, SqlStatement statement) {
		return workingSets.enabled() && workingSets.holds(ResultKey.of(snapshot.id(), userId, reading, statement));
	}

	private static <T> T get(SnapshotCache<ResultKey, Entry> entries, Snapshot snapshot, UUID userId, String reading,
			SqlStatement statement, Supplier<T> read) {
		if (!entries.enabled()) {
			return read.get();
		}
		ResultKey key = ResultKey.of(snapshot.id(), userId, reading, statement);
		Entry cached = entries.get(key);
		if (cached != null) {
			@SuppressWarnings("unchecked")
			T value = (T) cached.value();
			return value;
		}
		T value = read.get();
		entries.keep(key, new Entry(value, key.weight() + ResultWeight.of(value)));
		return value;
	}

	@Override
	public void snapshotPublished(Snapshot current) {
		entries.snapshotPublished(current);
		workingSets.snapshotPublished(current);
	}

	/**
	 * Whether users' working sets are kept ({@code analytics.cache.working-set-max-size}
	 * above 0): what is worth reading only to be kept is not read otherwise.
	 */
	boolean keepsWorkingSets() {
		return workingSets.enabled();
	}

	/** Hits, misses and evictions of the answers since start. */
	public CacheStats stats() {
		return entries.stats();
	}

	/** Hits, misses and evictions of the working sets since start. */
	public CacheStats workingSetStats() {
		return workingSets.stats();
	}

	/** Answers held now (approximate). */
	public long size() {
		return entries.size();
	}

	private record Entry(Object value, int weight) {
	}

}
