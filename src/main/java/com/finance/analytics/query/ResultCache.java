package com.finance.analytics.query;

import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotListener;
import com.finance.analytics.snapshot.SnapshotManager;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Results of statements, kept until the snapshot they were read from is replaced. A
 * snapshot never changes, so an entry cannot be stale while its snapshot is served; the
 * key names the snapshot and the user ({@link ResultKey}), and a swap drops every entry
 * of older snapshots. Bounded by approximate bytes ({@link ResultWeight}), least useful
 * entries evicted first. A miss costs one lookup and, after the statement, one weighing;
 * two requests missing the same key at once both run the statement (no lock is held while
 * DuckDB works).
 */
@Component
public class ResultCache implements SnapshotListener {

	/**
	 * Name of the cache in metrics ({@code cache_gets_total{cache="analytics.results"}}).
	 */
	public static final String METRICS_NAME = "analytics.results";

	private static final Logger LOG = LoggerFactory.getLogger(ResultCache.class);

	private final Cache<ResultKey, Entry> entries;

	private final boolean enabled;

	/** The snapshot being served: only its results are kept. */
	private volatile String servedId;

	public ResultCache(ResultCacheProperties properties, ObjectProvider<MeterRegistry> registry) {
		this.enabled = properties.maxSize().toBytes() > 0;
		this.entries = Caffeine.newBuilder()
			.maximumWeight(Math.max(0, properties.maxSize().toBytes()))
			.<ResultKey, Entry>weigher((key, entry) -> entry.weight())
			.recordStats()
			.build();
		registry.ifAvailable(meters -> CaffeineCacheMetrics.monitor(meters, entries, METRICS_NAME));
	}

	/**
	 * Follows the snapshots the manager serves (a method, so that the benchmark's raw
	 * baseline can build this cache without a manager and tell it its one snapshot).
	 */
	@Autowired
	void followSnapshots(SnapshotManager snapshots) {
		snapshots.current().ifPresent(this::snapshotPublished);
		snapshots.addListener(this);
	}

	/**
	 * The cached value of {@code statement} read as {@code reading} for {@code userId} on
	 * {@code snapshot}, or the value {@code read} returns, then kept. The value must be
	 * immutable: every later caller gets the same instance.
	 */
	<T> T get(Snapshot snapshot, UUID userId, String reading, SqlStatement statement, Supplier<T> read) {
		if (!enabled) {
			return read.get();
		}
		ResultKey key = ResultKey.of(snapshot.id(), userId, reading, statement);
		Entry cached = entries.getIfPresent(key);
		if (cached != null) {
			@SuppressWarnings("unchecked")
			T value = (T) cached.value();
			return value;
		}
		T value = read.get();
		// A request still reading a retired snapshot must not leave its results behind
		// the swap's clean-up (one that slips between this check and the swap only wastes
		// room until evicted: its key names the retired snapshot).
		if (snapshot.id().equals(servedId)) {
			entries.put(key, new Entry(value, key.weight() + ResultWeight.of(value)));
		}
		return value;
	}

	@Override
	public void snapshotPublished(Snapshot current) {
		servedId = current.id();
		long before = entries.estimatedSize();
		entries.asMap().keySet().removeIf(key -> !key.snapshotId().equals(current.id()));
		CacheStats stats = entries.stats();
		LOG.info("Result cache: dropped {} entries of older snapshots on the swap to {} (hit ratio so far {})",
				before - entries.estimatedSize(), current.id(), String.format("%.3f", stats.hitRate()));
	}

	/** Hits, misses and evictions since start. */
	public CacheStats stats() {
		return entries.stats();
	}

	/** Entries held now (approximate). */
	public long size() {
		return entries.estimatedSize();
	}

	private record Entry(Object value, int weight) {
	}

}
