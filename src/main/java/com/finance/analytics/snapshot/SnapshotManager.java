package com.finance.analytics.snapshot;

import com.finance.analytics.catalog.CatalogLoader;
import com.finance.analytics.catalog.LoadedCatalog;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place snapshots are swapped. Polls {@code CURRENT}; when it names a new id,
 * verifies its files against the checksums the publisher recorded, opens and prepares
 * that snapshot off to the side, then makes it current in one atomic step and retires the
 * old one (closed once drained). A snapshot that fails verification or loading, or that
 * DuckDB reports damaged while it is served, is rejected for good (snapshots never
 * change; a new publish has a new id): the last good snapshot keeps serving, or serving
 * goes back to the newest older snapshot that verifies. An incomplete snapshot (a file
 * still missing) is only skipped: the next poll tries again.
 */
@Component
public class SnapshotManager implements SmartInitializingSingleton {

	private static final Logger LOG = LoggerFactory.getLogger(SnapshotManager.class);

	private static final Pattern SNAPSHOT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SnapshotProperties properties;

	private final ObjectProvider<SnapshotPreparer> preparers;

	private final List<SnapshotListener> listeners = new CopyOnWriteArrayList<>();

	private final AtomicReference<Snapshot> current = new AtomicReference<>();

	private final ScheduledExecutorService poller = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("snapshot-poller").factory());

	private volatile String problem;

	/** Rejected ids and why; never served again by this process. */
	private final Map<String, String> rejected = new ConcurrentHashMap<>();

	/**
	 * Ids whose files matched their checksums (and, for those served, that DuckDB
	 * loaded).
	 */
	private final Set<String> verified = ConcurrentHashMap.newKeySet();

	private volatile SnapshotRejection latestRejection;

	public SnapshotManager(SnapshotProperties properties, ObjectProvider<SnapshotPreparer> preparers) {
		this.properties = properties;
		this.preparers = preparers;
	}

	/**
	 * Starts once every bean exists, so preparers may depend on anything, including this
	 * manager.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		refresh();
		long interval = properties.pollInterval().toMillis();
		poller.scheduleWithFixedDelay(this::refresh, interval, interval, TimeUnit.MILLISECONDS);
	}

	/**
	 * Stops polling and retires the served snapshot (public for tests of other packages
	 * that start a manager).
	 */
	@PreDestroy
	public void stop() {
		poller.shutdownNow();
		Snapshot last = current.getAndSet(null);
		if (last != null) {
			last.retire();
		}
	}

	public Optional<Snapshot> current() {
		return Optional.ofNullable(current.get());
	}

	/**
	 * Leases the current snapshot; empty when none is being served. Close the lease when
	 * the request is done.
	 */
	public Optional<SnapshotLease> lease() {
		while (true) {
			Snapshot snapshot = current.get();
			if (snapshot == null) {
				return Optional.empty();
			}
			if (snapshot.acquire()) {
				return Optional.of(new SnapshotLease(snapshot));
			}
			// Retired and drained between the read and the acquire: a newer snapshot is
			// current by now.
		}
	}

	public void addListener(SnapshotListener listener) {
		listeners.add(listener);
	}

	public SnapshotStatus status() {
		Snapshot snapshot = current.get();
		return snapshot == null ? new SnapshotStatus(Optional.empty(), 0, Optional.ofNullable(problem))
				: new SnapshotStatus(Optional.of(snapshot.info()), snapshot.catalog().datasets().size(),
						Optional.ofNullable(problem));
	}

	/**
	 * The newest rejected snapshot, as long as it is not older than the one served: what
	 * an operator must look at while the gateway serves an older snapshot (or none).
	 * Empty once a newer snapshot is served, and for old directories retention found
	 * damaged.
	 */
	public Optional<SnapshotRejection> latestRejection() {
		SnapshotRejection rejection = latestRejection;
		Snapshot serving = current.get();
		return rejection != null && (serving == null || rejection.id().compareTo(serving.id()) >= 0)
				? Optional.of(rejection) : Optional.empty();
	}

	/** Whether this id was rejected (it is never served again by this process). */
	public boolean isRejected(String id) {
		return rejected.containsKey(id);
	}

	/**
	 * Whether the snapshot directory with this id is known to be good: verified (or
	 * served) before, else verified now against its recorded checksums (reading its files
	 * once). A snapshot failing that is rejected.
	 */
	public boolean isKnownGood(String id) {
		if (verified.contains(id)) {
			return true;
		}
		if (rejected.containsKey(id) || !SNAPSHOT_ID.matcher(id).matches()) {
			return false;
		}
		try {
			SnapshotIntegrity.verify(properties.snapshotsDir().resolve(id));
			verified.add(id);
			return true;
		}
		catch (SnapshotRejectedException e) {
			reject(id, e.getMessage());
			return false;
		}
	}

	/**
	 * Checks {@code CURRENT} now and swaps if it names a snapshot other than the one
	 * served.
	 */
	public synchronized void refresh() {
		try {
			Optional<String> published = publishedId();
			if (published.isEmpty()) {
				report("No snapshot has been published in " + properties.snapshotsDir());
				return;
			}
			String id = published.get();
			Snapshot serving = current.get();
			if (serving != null && serving.id().equals(id)) {
				return;
			}
			String rejection = rejected.get(id);
			if (rejection == null) {
				try {
					swapTo(open(id));
					problem = null;
					return;
				}
				catch (SnapshotRejectedException e) {
					rejection = e.getMessage();
					reject(id, rejection);
				}
			}
			if (current.get() == null) {
				fallBackBelow(id);
			}
			// reject() has logged it once; every later poll lands here too.
			problem = "Snapshot " + id + " was rejected: " + rejection;
		}
		catch (SnapshotUnusableException e) {
			report(e.getMessage());
		}
		catch (RuntimeException e) {
			LOG.error("Unexpected failure while checking for a new snapshot", e);
			report("Checking for a new snapshot failed");
		}
	}

	/**
	 * Called (through {@link Snapshot#reportDamaged}) when DuckDB reports a served
	 * snapshot's file damaged (a block failed its checksum): rejects it at once and, off
	 * the caller's thread, goes back to the newest older snapshot that verifies, or
	 * serves nothing when there is none. Damaged data is never served knowingly.
	 */
	void reportDamaged(Snapshot snapshot, String reason) {
		if (rejected.putIfAbsent(snapshot.id(), reason) != null) {
			return;
		}
		verified.remove(snapshot.id());
		recordRejection(snapshot.id(), reason);
		LOG.error("Snapshot {} was rejected while serving: {}", snapshot.id(), reason);
		try {
			poller.execute(() -> fallBackFrom(snapshot));
		}
		catch (RejectedExecutionException e) {
			LOG.debug("Shutting down; no fallback from {}", snapshot.id());
		}
	}

	private synchronized void fallBackFrom(Snapshot damaged) {
		if (current.get() != damaged) {
			return;
		}
		if (!fallBackBelow(damaged.id()) && current.compareAndSet(damaged, null)) {
			damaged.retire();
			report("Snapshot " + damaged.id() + " is damaged and no older snapshot verifies: serving no data");
		}
	}

	/**
	 * Serves the newest snapshot older than {@code id} that verifies and loads; false
	 * when there is none.
	 */
	private boolean fallBackBelow(String id) {
		for (String candidate : olderSnapshotIds(id)) {
			if (rejected.containsKey(candidate)) {
				continue;
			}
			try {
				Snapshot fallback = open(candidate);
				LOG.warn("Falling back to snapshot {} because {} was rejected", candidate, id);
				swapTo(fallback);
				return true;
			}
			catch (SnapshotRejectedException e) {
				reject(candidate, e.getMessage());
			}
			catch (SnapshotUnusableException e) {
				LOG.debug("Snapshot {} cannot be a fallback: {}", candidate, e.getMessage());
			}
		}
		return false;
	}

	private List<String> olderSnapshotIds(String id) {
		try (Stream<Path> entries = Files.list(properties.snapshotsDir())) {
			return entries.filter(Files::isDirectory)
				.map(directory -> directory.getFileName().toString())
				.filter(name -> SNAPSHOT_ID.matcher(name).matches() && name.compareTo(id) < 0)
				.sorted(Comparator.reverseOrder())
				.toList();
		}
		catch (IOException e) {
			LOG.warn("Listing {} for an older snapshot failed: {}", properties.snapshotsDir(), e.getMessage());
			return List.of();
		}
	}

	private void reject(String id, String reason) {
		verified.remove(id);
		if (rejected.putIfAbsent(id, reason) == null) {
			recordRejection(id, reason);
			LOG.error("Snapshot {} was rejected and will not be served: {}", id, reason);
		}
	}

	/**
	 * Keeps the newest rejection: a fallback candidate rejected on the way must not hide
	 * the published one.
	 */
	private void recordRejection(String id, String reason) {
		SnapshotRejection latest = latestRejection;
		if (latest == null || id.compareTo(latest.id()) >= 0) {
			latestRejection = new SnapshotRejection(id, reason, Instant.now());
		}
	}

	private void swapTo(Snapshot next) {
		Snapshot previous = current.getAndSet(next);
		verified.add(next.id());
		LOG.info("Serving snapshot {} ({} datasets)", next.id(), next.catalog().datasets().size());
		if (previous != null) {
			previous.retire();
		}
		listeners.forEach(listener -> listener.snapshotPublished(next));
	}

	private Optional<String> publishedId() {
		Path pointer = properties.snapshotsDir().resolve("CURRENT");
		try {
			String id = Files.readString(pointer, StandardCharsets.UTF_8).trim();
			if (!SNAPSHOT_ID.matcher(id).matches()) {
				throw new SnapshotUnusableException("CURRENT does not hold a valid snapshot id");
			}
			return Optional.of(id);
		}
		catch (NoSuchFileException e) {
			return Optional.empty();
		}
		catch (IOException e) {
			throw new SnapshotUnusableException("CURRENT could not be read: " + e.getMessage());
		}
	}

	private Snapshot open(String id) {
		Path directory = properties.snapshotsDir().resolve(id);
		Path databaseFile = directory.resolve("analytics.duckdb");
		Path manifestFile = directory.resolve("manifest.json");
		if (!Files.isRegularFile(databaseFile) || !Files.isRegularFile(manifestFile)) {
			throw new SnapshotUnusableException("Snapshot " + id + " is incomplete (database or manifest missing)");
		}
		SnapshotIntegrity.verify(directory);
		SnapshotDatabase database;
		try {
			database = SnapshotDatabase.open(databaseFile, properties.duckdbThreads(), properties.duckdbMemoryLimit());
		}
		catch (Exception e) {
			throw new SnapshotRejectedException("its database could not be opened: " + e.getMessage());
		}
		try (Connection connection = database.connect()) {
			LoadedCatalog loaded = CatalogLoader.load(manifestFile, connection);
			Snapshot snapshot = new Snapshot(info(directory, id, loaded.dbtVersion()), database, loaded.catalog());
			snapshot.onDamage(this::reportDamaged);
			for (SnapshotPreparer preparer : preparers.orderedStream().toList()) {
				preparer.prepare(snapshot);
			}
			return snapshot;
		}
		catch (Exception e) {
			closeQuietly(database);
			LOG.debug("Snapshot {} is unusable", id, e);
			throw new SnapshotRejectedException("it could not be loaded: " + e.getMessage());
		}
	}

	private static SnapshotInfo info(Path directory, String id, String manifestDbtVersion) throws IOException {
		// Present: SnapshotIntegrity.verify refuses a snapshot without it.
		Path file = directory.resolve(SnapshotIntegrity.METADATA_FILE);
		JsonNode json = JSON.readTree(file.toFile());
		String builtAt = json.path("built_at").asString("");
		return new SnapshotInfo(id,
				builtAt.isEmpty() ? Files.getLastModifiedTime(directory).toInstant() : Instant.parse(builtAt),
				json.path("dbt_version").asString(manifestDbtVersion), json.path("target").asString(null),
				json.path("source").asString(null));
	}

	private void report(String message) {
		if (!Objects.equals(problem, message)) {
			LOG.warn("{}", message);
		}
		problem = message;
	}

	private static void closeQuietly(SnapshotDatabase database) {
		try {
			database.close();
		}
		catch (Exception e) {
			LOG.debug("Closing a rejected snapshot failed", e);
		}
	}

	private static final class SnapshotUnusableException extends RuntimeException {

		SnapshotUnusableException(String message) {
			super(message);
		}

	}

}
