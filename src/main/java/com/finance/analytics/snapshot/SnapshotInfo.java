package com.finance.analytics.snapshot;

import java.time.Instant;

/**
 * The contents of a snapshot's {@code snapshot.json}: which build produced it, when and
 * from what.
 */
public record SnapshotInfo(String id, Instant builtAt, String dbtVersion, String target, String source) {
}
