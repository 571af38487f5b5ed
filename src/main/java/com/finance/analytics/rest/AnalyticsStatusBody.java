package com.finance.analytics.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.finance.analytics.snapshot.SnapshotInfo;
import com.finance.analytics.snapshot.SnapshotStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What is served: the same figures as GraphQL's {@code analyticsStatus}; the snapshot
 * fields are absent when none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AnalyticsStatusBody(boolean available, @JsonProperty("snapshot_id") String snapshotId,
		@JsonProperty("built_at") OffsetDateTime builtAt, @JsonProperty("dbt_version") String dbtVersion,
		@JsonProperty("dataset_count") int datasetCount) {

	static AnalyticsStatusBody of(SnapshotStatus status) {
		SnapshotInfo info = status.current().orElse(null);
		return info == null ? new AnalyticsStatusBody(false, null, null, null, status.datasetCount())
				: new AnalyticsStatusBody(true, info.id(), info.builtAt().atOffset(ZoneOffset.UTC), info.dbtVersion(),
						status.datasetCount());
	}
}
