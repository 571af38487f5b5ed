package com.finance.analytics.snapshot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Weigher;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.unit.DataSize;

/**
 * What was read from the served snapshot, kept until the next swap. A snapshot never
 * changes, so an entry cannot be stale while its snapshot is served: every key names its
 * snapshot, a swap drops the entries of older snapshots, and a value read from a snapshot
 * that is no longer served is not kept. Bounded by approximate bytes (least useful
 * entries evicted first), monitored by Micrometer under its name when a registry is
 * present. The shared part of the gateway's caches of statement results and of whole
 * answers.
 *
 * @param <K> the key, which names its snapshot
 * @param <V> the kept value (immutable: every later reader gets the same instance)
 */
public final class SnapshotCache<K, V> implements SnapshotListener {

	private static final Logger LOG = LoggerFactory.getLogger(SnapshotCache.class);

	private final String name;

	private final Function<K, String> snapshotOf;

	private final Cache<K, V> entries;

	private final boolean enabled;

	/** The snapshot being served: only its values are kept. */
	private volatile String servedId;

	/**
	 * @param name the name in metrics ({@code cache_gets_total{cache="<name>"}}) and in
	 * the log
	 * @param maxSize approximate bytes the entries may take; 0 keeps nothing
	 * @param weigher approximate bytes of an entry
	 * @param snapshotOf the snapshot id a key names
	 */
	public SnapshotCache(String name, DataSize maxSize, Weigher<K, V> weigher, Function<K, String> snapshotOf,
			ObjectProvider<MeterRegistry> registry) {
		this.name = name;
		this.snapshotOf = snapshotOf;
		this.enabled = maxSize.toBytes() > 0;
		this.entries = Caffeine.newBuilder()
			.maximumWeight(Math.max(0, maxSize.toBytes()))
			.weigher(weigher)
			.recordStats()
			.build();
		registry.ifAvailable(meters -> CaffeineCacheMetrics.monitor(meters, entries, name));
	}

	/** Follows the snapshots the manager serves. */
	public void follow(SnapshotManager snapshots) {
		snapshots.current().ifPresent(this::snapshotPublished);
		snapshots.addListener(this);
	}

	/** Whether anything is kept at all (a maximum size above 0). */
	public boolean enabled() {
		return enabled;
	}

	/** The value kept under {@code key}, or null. */
	public V get(K key) {
		return entries.getIfPresent(key);
	}

	/**
	 * Whether a value is kept under {@code key}, without counting a hit or a miss or
	 * refreshing it.
	 */
	public boolean holds(K key) {
		return entries.policy().getIfPresentQuietly(key) != null;
	}

	/**
	 * Keeps {@code value} unless its key names a snapshot no longer served (one that
	 * slips between this check and a swap only takes room until evicted: nothing asks for
	 * its key any more).
	 */
	public void keep(K key, V value) {
		if (snapshotOf.apply(key).equals(servedId)) {
			entries.put(key, value);
		}
	}

	@Override
	public void snapshotPublished(Snapshot current) {
		servedId = current.id();
		long before = entries.estimatedSize();
		entries.asMap().keySet().removeIf(key -> !snapshotOf.apply(key).equals(current.id()));
		LOG.info("{}: dropped {} entries of older snapshots on the swap to {} (hit ratio so far {})", name,
				before - entries.estimatedSize(), current.id(), String.format("%.3f", entries.stats().hitRate()));
	}

	/** Hits, misses and evictions since start. */
	public CacheStats stats() {
		return entries.stats();
	}

	/** Entries held now (approximate). */
	public long size() {
		return entries.estimatedSize();
	}

}
