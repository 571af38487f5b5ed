package com.finance.analytics.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefreshStatusTest {

	@ParameterizedTest
	@CsvSource({ "QUEUED, QUEUED, true", "NOT_STARTED, QUEUED, true", "STARTING, STARTING, true",
			"STARTED, STARTED, true", "MANAGED, STARTED, true", "SUSPENDED, STARTED, true",
			"CANCELING, CANCELING, true", "SUCCESS, SUCCESS, false", "FAILURE, FAILURE, false",
			"CANCELED, CANCELED, false" })
	void mapsEveryDagsterRunStatus(String dagster, RefreshStatus expected, boolean inProgress) {
		assertThat(RefreshStatus.fromDagster(dagster)).isEqualTo(expected);
		assertThat(expected.inProgress()).isEqualTo(inProgress);
	}

	@Test
	void launchingIsInProgressAndNoDagsterStatusMapsToIt() {
		assertThat(RefreshStatus.LAUNCHING.inProgress()).isTrue();
		assertThatThrownBy(() -> RefreshStatus.fromDagster("LAUNCHING")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void rejectsAStatusDagsterDoesNotHave() {
		assertThatThrownBy(() -> RefreshStatus.fromDagster("EXPLODED")).isInstanceOf(IllegalArgumentException.class);
	}

}
