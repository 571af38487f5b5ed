package com.finance.analytics.replica;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.finance.analytics.snapshot.SnapshotManager;
import com.finance.analytics.snapshot.SnapshotRejectedException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Keeps the local snapshots directory a replica of what the bucket's {@code CURRENT}
 * names. Each poll is a conditional GET of {@code CURRENT} (an unchanged pointer answers
 * 304); a new id is downloaded and verified ({@link SnapshotDownloader}), then the local
 * {@code CURRENT} is replaced atomically and the {@link SnapshotManager} asked to swap at
 * once. The first sync runs while the application starts, before the manager serves
 * anything and before HTTP is open, so a gateway comes up on the last snapshot published
 * to the bucket. When the bucket cannot be read, or {@code CURRENT} names a snapshot
 * whose objects are missing (tried again each poll) or damaged (not tried again:
 * snapshots never change), the local {@code CURRENT} stays, the snapshot served keeps
 * serving and {@link #problem()} says why ({@code replica} health DEGRADED).
 */
public class SnapshotReplica {

	private static final Logger LOG = LoggerFactory.getLogger(SnapshotReplica.class);

	private static final Pattern SNAPSHOT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

	private static final String CURRENT = "CURRENT";

	private static final int NOT_MODIFIED = 304;

	private final S3Client s3;

	private final ReplicaProperties properties;

	private final Path snapshotsDir;

	private final SnapshotManager snapshots;

	private final SnapshotDownloader downloader;

	private final ScheduledExecutorService poller = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("snapshot-replica").factory());

	/** Ids whose download did not match their checksums, and why. */
	private final Map<String, String> damaged = new ConcurrentHashMap<>();

	/** ETag of the {@code CURRENT} last handled for good (replicated, or damaged). */
	private String handledTag;

	private volatile String problem;

	SnapshotReplica(S3Client s3, ReplicaProperties properties, Path snapshotsDir, SnapshotManager snapshots) {
		this.s3 = s3;
		this.properties = properties;
		this.snapshotsDir = snapshotsDir;
		this.snapshots = snapshots;
		this.downloader = new SnapshotDownloader(s3, properties, snapshotsDir);
	}

	@PostConstruct
	void start() throws IOException {
		Files.createDirectories(snapshotsDir);
		downloader.removeLeftovers();
		sync();
		long interval = properties.pollInterval().toMillis();
		poller.scheduleWithFixedDelay(this::syncAndSwap, interval, interval, TimeUnit.MILLISECONDS);
	}

	@PreDestroy
	void stop() {
		poller.shutdownNow();
	}

	/**
	 * Why the replica is behind the bucket, empty while it holds what {@code CURRENT}
	 * names.
	 */
	public Optional<String> problem() {
		return Optional.ofNullable(problem);
	}

	private void syncAndSwap() {
		if (sync()) {
			snapshots.refresh();
		}
	}

	/**
	 * One poll; true when the local {@code CURRENT} moved.
	 */
	synchronized boolean sync() {
		try {
			Optional<ResponseBytes<GetObjectResponse>> pointer = changedPointer();
			if (pointer.isEmpty()) {
				return false;
			}
			String tag = pointer.get().response().eTag();
			String id = pointer.get().asString(StandardCharsets.UTF_8).trim();
			if (!SNAPSHOT_ID.matcher(id).matches()) {
				report(properties.url(CURRENT) + " does not hold a valid snapshot id");
				return false;
			}
			Optional<String> unusable = replicate(id);
			if (unusable.isEmpty()) {
				boolean moved = pointLocalCurrentAt(id);
				handledTag = tag;
				problem = null;
				return moved;
			}
			if (damaged.containsKey(id)) {
				// For good: snapshots never change. Missing objects are tried again.
				handledTag = tag;
			}
			boolean moved = localCurrent().isEmpty() && fallBackBelow(id);
			report(unusable.get() + "; " + whatStays());
			return moved;
		}
		catch (SdkException | IOException e) {
			report("Reading snapshots from " + properties.url() + " failed: " + e.getMessage() + "; " + whatStays());
		}
		catch (RuntimeException e) {
			LOG.error("Unexpected failure while replicating snapshots from {}", properties.url(), e);
			report("Replicating snapshots from " + properties.url() + " failed");
		}
		return false;
	}

	/**
	 * Makes sure snapshot {@code id} is in the local directory, downloading it when it is
	 * not; empty when it is there now, else why it cannot be.
	 */
	private Optional<String> replicate(String id) throws IOException {
		if (!damaged.containsKey(id) && !Files.isDirectory(snapshotsDir.resolve(id))) {
			try {
				download(id);
			}
			catch (NoSuchKeyException e) {
				// The publisher writes the pointer last, yet a bucket can be edited by
				// hand.
				return Optional.of(properties.url(CURRENT) + " names snapshot " + id + ", whose objects are missing");
			}
		}
		String damage = damaged.get(id);
		return damage == null ? Optional.empty()
				: Optional.of("Snapshot " + id + " in " + properties.url() + " is damaged (" + damage + ")");
	}

	/**
	 * With nothing served locally (a new gateway while {@code CURRENT} names an unusable
	 * snapshot), replicates the newest older snapshot of the bucket that downloads and
	 * verifies: the last good one published.
	 */
	private boolean fallBackBelow(String id) throws IOException {
		for (String candidate : olderIdsInBucket(id)) {
			if (replicate(candidate).isEmpty()) {
				LOG.warn("Falling back to snapshot {} of {} because {} cannot be served", candidate, properties.url(),
						id);
				return pointLocalCurrentAt(candidate);
			}
		}
		return false;
	}

	private List<String> olderIdsInBucket(String id) {
		String folder = properties.key().isEmpty() ? "" : properties.key() + "/";
		ListObjectsV2Request request = ListObjectsV2Request.builder()
			.bucket(properties.bucket())
			.prefix(folder)
			.delimiter("/")
			.build();
		return s3.listObjectsV2Paginator(request)
			.commonPrefixes()
			.stream()
			.map(common -> common.prefix().substring(folder.length()).replaceAll("/$", ""))
			.filter(candidate -> SNAPSHOT_ID.matcher(candidate).matches() && candidate.compareTo(id) < 0)
			.sorted(Comparator.reverseOrder())
			.toList();
	}

	/**
	 * Downloads snapshot {@code id}; one whose files do not match their checksums is
	 * remembered as damaged and never downloaded again.
	 */
	private void download(String id) throws IOException {
		try {
			downloader.download(id);
		}
		catch (SnapshotRejectedException e) {
			damaged.put(id, e.getMessage());
			LOG.error("Snapshot {} in {} is damaged and will not be served: {}", id, properties.url(), e.getMessage());
		}
	}

	/**
	 * {@code CURRENT}'s content when it changed since the one last handled for good;
	 * empty when unchanged, or when nothing was published yet (then reported).
	 */
	private Optional<ResponseBytes<GetObjectResponse>> changedPointer() {
		GetObjectRequest.Builder request = GetObjectRequest.builder()
			.bucket(properties.bucket())
			.key(properties.key(CURRENT));
		if (handledTag != null) {
			request.ifNoneMatch(handledTag);
		}
		try {
			return Optional.of(s3.getObjectAsBytes(request.build()));
		}
		catch (NoSuchKeyException e) {
			report("No snapshot has been published to " + properties.url());
			return Optional.empty();
		}
		catch (S3Exception e) {
			if (e.statusCode() == NOT_MODIFIED) {
				return Optional.empty();
			}
			throw e;
		}
	}

	/** For a problem's message: what this gateway serves meanwhile. */
	private String whatStays() {
		try {
			return localCurrent().map(kept -> "this gateway stays on snapshot " + kept)
				.orElse("this gateway has no snapshot to serve");
		}
		catch (IOException e) {
			return "this gateway stays on its local snapshots";
		}
	}

	/** The id the local {@code CURRENT} names; empty before anything was replicated. */
	private Optional<String> localCurrent() throws IOException {
		try {
			return Optional.of(Files.readString(snapshotsDir.resolve(CURRENT), StandardCharsets.UTF_8).trim());
		}
		catch (NoSuchFileException e) {
			return Optional.empty();
		}
	}

	private boolean pointLocalCurrentAt(String id) throws IOException {
		Path pointer = snapshotsDir.resolve(CURRENT);
		if (localCurrent().filter(id::equals).isPresent()) {
			return false;
		}
		Path temporary = snapshotsDir.resolve(".CURRENT.replica");
		Files.writeString(temporary, id + "\n", StandardCharsets.UTF_8);
		Files.move(temporary, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		return true;
	}

	private void report(String message) {
		if (!Objects.equals(problem, message)) {
			LOG.warn("{}", message);
		}
		problem = message;
	}

}
