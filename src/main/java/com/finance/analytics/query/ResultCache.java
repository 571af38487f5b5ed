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

/**
 * Results of statements, kept until the snapshot they were read from is replaced
 * ({@link SnapshotCache}): the key names the snapshot and the user ({@link ResultKey}).
 * Bounded by approximate bytes ({@link ResultWeight}). A miss costs one lookup and, after
 * the statement, one weighing; two requests missing the same key at once both run the
 * statement (no lock is held while DuckDB works).
 */
@Component
public class ResultCache implements SnapshotListener {

	/**
	 * Name of the cache in metrics ({@code cache_gets_total{cache="analytics.results"}}).
	 */
	public static final String METRICS_NAME = "analytics.results";

	private final SnapshotCache<ResultKey, Entry> entries;

	public ResultCache(ResultCacheProperties properties, ObjectProvider<MeterRegistry> registry) {
		this.entries = new SnapshotCache<>(METRICS_NAME, properties.maxSize(), (key, entry) -> entry.weight(),
				ResultKey::snapshotId, registry);
	}

	/**
	 * Follows the snapshots the manager serves (a method, so that the benchmark's raw
	 * baseline can build this cache without a manager and tell it its one snapshot).
	 */
	@Autowired
	void followSnapshots(SnapshotManager snapshots) {
		entries.follow(snapshots);
	}

	/**
	 * The cached value of {@code statement} read as {@code reading} for {@code userId} on
	 * {@code snapshot}, or the value {@code read} returns, then kept. The value must be
	 * immutable: every later caller gets the same instance.
	 */
	<T> T get(Snapshot snapshot, UUID userId, String reading, SqlStatement statement, Supplier<T> read) {
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
	}

	/** Hits, misses and evictions since start. */
	public CacheStats stats() {
		return entries.stats();
	}

	/** Entries held now (approximate). */
	public long size() {
		return entries.size();
	}

	private record Entry(Object value, int weight) {
	}

}
