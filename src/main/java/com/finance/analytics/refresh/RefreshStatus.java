package com.finance.analytics.refresh;

import java.util.Locale;

/**
 * The life cycle of a refresh run as clients see it; Dagster's run statuses fold into
 * these. LAUNCHING is the gateway's own: the run has an id but Dagster has not created it
 * yet.
 */
public enum RefreshStatus {

	LAUNCHING, QUEUED, STARTING, STARTED, CANCELING, SUCCESS, FAILURE, CANCELED;

	public boolean inProgress() {
		return this == LAUNCHING || this == QUEUED || this == STARTING || this == STARTED || this == CANCELING;
	}

	/**
	 * Maps a Dagster {@code RunStatus}. NOT_STARTED is a run created but not yet
	 * submitted, so it waits like a queued one; MANAGED runs are driven outside Dagster's
	 * launcher and SUSPENDED ones can resume, so both still count as running: reporting
	 * either as finished would let a second refresh start beside them.
	 */
	public static RefreshStatus fromDagster(String dagsterStatus) {
		return switch (dagsterStatus.toUpperCase(Locale.ROOT)) {
			case "QUEUED", "NOT_STARTED" -> QUEUED;
			case "STARTING" -> STARTING;
			case "STARTED", "MANAGED", "SUSPENDED" -> STARTED;
			case "CANCELING" -> CANCELING;
			case "SUCCESS" -> SUCCESS;
			case "FAILURE" -> FAILURE;
			case "CANCELED" -> CANCELED;
			default -> throw new IllegalArgumentException("Unknown Dagster run status: " + dagsterStatus);
		};
	}

}
