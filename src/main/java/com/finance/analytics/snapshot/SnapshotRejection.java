package com.finance.analytics.snapshot;

import java.time.Instant;

/**
 * A published snapshot the gateway refused to serve (or stopped serving), why, and when.
 */
public record SnapshotRejection(String id, String reason, Instant at) {
}
