package com.finance.analytics.refresh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotListener;
import com.finance.analytics.snapshot.SnapshotManager;
import com.finance.analytics.snapshot.SnapshotProperties;

import jakarta.annotation.PostConstruct;

/**
 * Deletes published snapshots beyond the newest {@code analytics.refresh.keep-snapshots}, each time a new one is
 * served. Never the served one, never one newer than it, never one a request still reads (a retired snapshot whose
 * leases have not drained stays until a later swap finds it closed), and never a build in progress (hidden
 * directories are the publisher's).
 */
@Component
public class SnapshotRetention implements SnapshotListener {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRetention.class);

    private final SnapshotManager snapshots;
    private final Path snapshotsDir;
    private final int keep;
    private final Map<String, Snapshot> served = new ConcurrentHashMap<>();

    public SnapshotRetention(SnapshotManager snapshots, SnapshotProperties snapshotProperties,
                             RefreshProperties refreshProperties) {
        this.snapshots = snapshots;
        this.snapshotsDir = snapshotProperties.snapshotsDir();
        this.keep = Math.max(1, refreshProperties.keepSnapshots());
    }

    @PostConstruct
    void register() {
        snapshots.current().ifPresent(current -> served.put(current.id(), current));
        snapshots.addListener(this);
    }

    @Override
    public void snapshotPublished(Snapshot current) {
        served.put(current.id(), current);
        try {
            List<Path> older = publishedSnapshots().stream()
                    .filter(directory -> name(directory).compareTo(current.id()) < 0)
                    .sorted(Comparator.comparing(SnapshotRetention::name).reversed())
                    .toList();
            older.stream().skip(keep - 1L).filter(this::noLongerRead).forEach(this::delete);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Pruning old snapshots in {} failed: {}", snapshotsDir, e.getMessage());
        }
    }

    private List<Path> publishedSnapshots() throws IOException {
        try (Stream<Path> entries = Files.list(snapshotsDir)) {
            return entries.filter(Files::isDirectory).filter(directory -> !name(directory).startsWith(".")).toList();
        }
    }

    private boolean noLongerRead(Path directory) {
        Snapshot snapshot = served.get(name(directory));
        return snapshot == null || snapshot.isClosed();
    }

    private void delete(Path directory) {
        try (Stream<Path> tree = Files.walk(directory)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
            served.remove(name(directory));
            log.info("Deleted old snapshot {}", name(directory));
        } catch (IOException e) {
            log.warn("Could not delete old snapshot {}: {}", directory, e.getMessage());
        }
    }

    private static String name(Path directory) {
        return directory.getFileName().toString();
    }
}
