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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place snapshots are swapped. Polls {@code CURRENT}; when it names a new id, opens and prepares that
 * snapshot off to the side, then makes it current in one atomic step and retires the old one (closed once drained).
 * A missing or broken snapshot leaves the service up without data; the next poll tries again.
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
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("snapshot-poller").factory());
    private volatile String problem;

    public SnapshotManager(SnapshotProperties properties, ObjectProvider<SnapshotPreparer> preparers) {
        this.properties = properties;
        this.preparers = preparers;
    }

    /** Starts once every bean exists, so preparers may depend on anything, including this manager. */
    @Override
    public void afterSingletonsInstantiated() {
        refresh();
        long interval = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::refresh, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
        Snapshot last = current.getAndSet(null);
        if (last != null) {
            last.retire();
        }
    }

    public Optional<Snapshot> current() {
        return Optional.ofNullable(current.get());
    }

    /** Leases the current snapshot; empty when none is being served. Close the lease when the request is done. */
    public Optional<SnapshotLease> lease() {
        while (true) {
            Snapshot snapshot = current.get();
            if (snapshot == null) {
                return Optional.empty();
            }
            if (snapshot.acquire()) {
                return Optional.of(new SnapshotLease(snapshot));
            }
            // Retired and drained between the read and the acquire: a newer snapshot is current by now.
        }
    }

    public void addListener(SnapshotListener listener) {
        listeners.add(listener);
    }

    public SnapshotStatus status() {
        Snapshot snapshot = current.get();
        return snapshot == null
                ? new SnapshotStatus(Optional.empty(), 0, Optional.ofNullable(problem))
                : new SnapshotStatus(Optional.of(snapshot.info()), snapshot.catalog().datasets().size(),
                        Optional.ofNullable(problem));
    }

    /** Checks {@code CURRENT} now and swaps if it names a snapshot other than the one served. */
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
            swapTo(open(id));
            problem = null;
        } catch (SnapshotUnusableException e) {
            report(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure while checking for a new snapshot", e);
            report("Checking for a new snapshot failed");
        }
    }

    private void swapTo(Snapshot next) {
        Snapshot previous = current.getAndSet(next);
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
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
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
        SnapshotDatabase database;
        try {
            database = SnapshotDatabase.open(databaseFile, properties.duckdbThreads(),
                    properties.duckdbMemoryLimit());
        } catch (Exception e) {
            throw new SnapshotUnusableException("Snapshot " + id + " could not be opened: " + e.getMessage());
        }
        try (Connection connection = database.connect()) {
            LoadedCatalog loaded = CatalogLoader.load(manifestFile, connection);
            Snapshot snapshot = new Snapshot(info(directory, id, loaded.dbtVersion()), database, loaded.catalog());
            for (SnapshotPreparer preparer : preparers.orderedStream().toList()) {
                preparer.prepare(snapshot);
            }
            return snapshot;
        } catch (Exception e) {
            closeQuietly(database);
            LOG.debug("Snapshot {} is unusable", id, e);
            throw new SnapshotUnusableException("Snapshot " + id + " could not be loaded: " + e.getMessage());
        }
    }

    private static SnapshotInfo info(Path directory, String id, String manifestDbtVersion) throws IOException {
        Path file = directory.resolve("snapshot.json");
        if (!Files.isRegularFile(file)) {
            return new SnapshotInfo(id, Files.getLastModifiedTime(directory).toInstant(), manifestDbtVersion, null, null);
        }
        JsonNode json = JSON.readTree(file.toFile());
        String builtAt = json.path("built_at").asString("");
        return new SnapshotInfo(
                id,
                builtAt.isEmpty() ? Files.getLastModifiedTime(directory).toInstant() : Instant.parse(builtAt),
                json.path("dbt_version").asString(manifestDbtVersion),
                json.path("target").asString(null),
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
        } catch (Exception e) {
            LOG.debug("Closing a rejected snapshot failed", e);
        }
    }

    private static final class SnapshotUnusableException extends RuntimeException {
        SnapshotUnusableException(String message) {
            super(message);
        }
    }
}
