/**
 * Snapshots from S3-compatible object storage, for any number of gateways: when
 * {@code analytics.s3.bucket} is set,
 * {@link com.finance.analytics.replica.SnapshotReplica} watches the bucket's
 * {@code CURRENT} object, downloads a newly named snapshot into the local snapshots
 * directory (hidden staging directory, verified against its published checksums, then
 * renamed into place) and only then points the local {@code CURRENT} at it, so the
 * {@code snapshot} package swaps exactly as for a local publish. Without a bucket nothing
 * here exists and the local directory is the only source.
 */
package com.finance.analytics.replica;
