package com.finance.analytics.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * Each time a snapshot is served, keeps the newest {@code analytics.keep-snapshots}
 * known-good snapshots (the served one included) and deletes the rest: older good ones
 * beyond that count, rejected ones, and those whose files do not match their published
 * checksums. Counting only good snapshots is what keeps a fallback on disk when newer
 * publishes were damaged. Never deleted: the served snapshot, the one {@code CURRENT}
 * names (kept for the operator even when rejected), one newer than the served one and not
 * rejected (a publish the poller has not seen yet), one a request still reads (a retired
 * snapshot whose leases have not drained stays until a later swap finds it closed), a
 * build in progress (hidden directories are the publisher's), and any directory that
 * holds no snapshot files.
 */
@Component
public class SnapshotRetention implements SnapshotListener {

	private static final Logger log = LoggerFactory.getLogger(SnapshotRetention.class);

	private final SnapshotManager snapshots;

	private final Path snapshotsDir;

	private final int keep;

	private final Map<String, Snapshot> served = new ConcurrentHashMap<>();

	public SnapshotRetention(SnapshotManager snapshots, SnapshotProperties snapshotProperties) {
		this.snapshots = snapshots;
		this.snapshotsDir = snapshotProperties.snapshotsDir();
		this.keep = Math.max(1, snapshotProperties.keepSnapshots());
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
			Optional<String> pointer = currentPointer();
			List<Path> olderGood = new ArrayList<>();
			for (Path directory : publishedSnapshots()) {
				String id = name(directory);
				if (id.equals(current.id()) || pointer.filter(id::equals).isPresent()) {
					continue;
				}
				boolean leased = !noLongerRead(directory);
				if (snapshots.isRejected(id)) {
					if (!leased) {
						delete(directory, "rejected");
					}
				}
				else if (id.compareTo(current.id()) > 0) {
					continue;
				}
				else if (leased || snapshots.isKnownGood(id)) {
					// A leased one was served, so it is good; it counts towards the kept
					// ones but stays until drained.
					olderGood.add(directory);
				}
				else {
					delete(directory, "rejected: its files do not match their published checksums");
				}
			}
			olderGood.stream()
				.skip(keep - 1L)
				.filter(this::noLongerRead)
				.forEach(directory -> delete(directory, "old"));
		}
		catch (IOException | UncheckedIOException e) {
			log.warn("Pruning old snapshots in {} failed: {}", snapshotsDir, e.getMessage());
		}
	}

	/**
	 * Snapshot directories, newest first; hidden ones (builds in progress) and foreign
	 * ones are left out.
	 */
	private List<Path> publishedSnapshots() throws IOException {
		try (Stream<Path> entries = Files.list(snapshotsDir)) {
			return entries.filter(Files::isDirectory)
				.filter(directory -> !name(directory).startsWith("."))
				.filter(directory -> Files.exists(directory.resolve("snapshot.json"))
						|| Files.exists(directory.resolve("analytics.duckdb")))
				.sorted(Comparator.comparing(SnapshotRetention::name).reversed())
				.toList();
		}
	}

	private Optional<String> currentPointer() throws IOException {
		try {
			return Optional.of(Files.readString(snapshotsDir.resolve("CURRENT"), StandardCharsets.UTF_8).trim());
		}
		catch (NoSuchFileException e) {
			return Optional.empty();
		}
	}

	private boolean noLongerRead(Path directory) {
		Snapshot snapshot = served.get(name(directory));
		return snapshot == null || snapshot.isClosed();
	}

	private void delete(Path directory, String why) {
		try (Stream<Path> tree = Files.walk(directory)) {
			for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
			served.remove(name(directory));
			log.info("Deleted snapshot {} ({})", name(directory), why);
		}
		catch (IOException e) {
			log.warn("Could not delete old snapshot {}: {}", directory, e.getMessage());
		}
	}

	private static String name(Path directory) {
		return directory.getFileName().toString();
	}

}
