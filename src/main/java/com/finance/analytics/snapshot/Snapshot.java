package com.finance.analytics.snapshot;

import com.finance.analytics.catalog.Catalog;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One published, never-changing snapshot: its build info, its open database, its catalog
 * and whatever per-snapshot state preparers attached. Reference counted: closed once
 * retired and no lease is left.
 */
public final class Snapshot {

	private static final Logger LOG = LoggerFactory.getLogger(Snapshot.class);

	private final SnapshotInfo info;

	private final SnapshotDatabase database;

	private final Catalog catalog;

	private final Map<Class<?>, Object> attachments = new ConcurrentHashMap<>();

	/**
	 * Set by the manager serving it: rejects the snapshot and falls back to a good one.
	 */
	private volatile BiConsumer<Snapshot, String> damageHandler = (snapshot, reason) -> {
	};

	private int leases;

	private boolean retired;

	private boolean closed;

	public Snapshot(SnapshotInfo info, SnapshotDatabase database, Catalog catalog) {
		this.info = info;
		this.database = database;
		this.catalog = catalog;
	}

	public String id() {
		return info.id();
	}

	public SnapshotInfo info() {
		return info;
	}

	public SnapshotDatabase database() {
		return database;
	}

	public Catalog catalog() {
		return catalog;
	}

	public <T> void attach(Class<T> type, T value) {
		attachments.put(type, value);
	}

	public <T> Optional<T> attachment(Class<T> type) {
		return Optional.ofNullable(type.cast(attachments.get(type)));
	}

	/**
	 * The attachment of that type, created once per snapshot (for caches valid as long as
	 * the snapshot).
	 */
	public <T> T attachment(Class<T> type, Supplier<T> create) {
		return type.cast(attachments.computeIfAbsent(type, key -> create.get()));
	}

	public <T> T requireAttachment(Class<T> type) {
		return attachment(type).orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " not prepared"));
	}

	/**
	 * Reports that DuckDB found this snapshot's file damaged while serving
	 * ({@link DuckDbDamage}); the manager stops serving it. {@code reason} is for the
	 * operator (log, health details), never for the caller.
	 */
	public void reportDamaged(String reason) {
		damageHandler.accept(this, reason);
	}

	void onDamage(BiConsumer<Snapshot, String> handler) {
		this.damageHandler = handler;
	}

	/**
	 * @return false when the snapshot is already closed and cannot be leased any more
	 */
	synchronized boolean acquire() {
		if (closed) {
			return false;
		}
		leases++;
		return true;
	}

	synchronized void release() {
		leases--;
		closeIfDrained();
	}

	synchronized void retire() {
		retired = true;
		closeIfDrained();
	}

	public synchronized boolean isClosed() {
		return closed;
	}

	private void closeIfDrained() {
		if (retired && leases == 0 && !closed) {
			closed = true;
			try {
				database.close();
				LOG.info("Closed snapshot {}", id());
			}
			catch (Exception e) {
				LOG.warn("Closing snapshot {} failed", id(), e);
			}
		}
	}

}
