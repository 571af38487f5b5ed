package com.finance.analytics.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Strict reading of query strings: pure parsing, so a mock request is enough. */
class QueryParametersTest {

	private static final UUID A = UUID.fromString("0b7c1a52-3f7e-4e0a-9d55-7d1f4b1f2a01");

	private static final UUID B = UUID.fromString("1c8d2b63-4a8f-4f1b-8e66-8e2a5c2a3b12");

	private static final UUID C = UUID.fromString("2d9e3c74-5b90-4a2c-9f77-9f3b6d3b4c23");

	private static final Set<String> ACCEPTED = Set.of("start_date", "end_date", "account_ids", "limit");

	@Test
	void readsIdsRepeatedAndCommaSeparatedInOrder() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addParameter("account_ids", A + "," + B, C.toString());

		assertThat(QueryParameters.of(request, ACCEPTED, 100).ids("account_ids")).containsExactly(A, B, C);
	}

	@Test
	void absentParametersFallBack() {
		QueryParameters parameters = QueryParameters.of(new MockHttpServletRequest(), ACCEPTED, 100);

		assertThat(parameters.ids("account_ids")).isEmpty();
		assertThat(parameters.date("start_date")).isNull();
		assertThat(parameters.integer("limit", 1000)).isEqualTo(1000);
	}

	@Test
	void readsAnExistingIsoDate() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addParameter("start_date", "2024-02-29");

		assertThat(QueryParameters.of(request, ACCEPTED, 100).date("start_date")).isEqualTo(LocalDate.of(2024, 2, 29));
	}

	@Test
	void rejectsAnEndBeforeTheStartNamingTheRestParameters() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addParameter("start_date", "2026-03-01");
		request.addParameter("end_date", "2026-02-28");

		assertThatThrownBy(() -> QueryParameters.of(request, ACCEPTED, 100).dateRange(false))
			.isInstanceOfSatisfying(AnalyticsException.class, e -> {
				assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
				assertThat(e.getMessage()).contains("end_date", "start_date");
			});
	}

	@Test
	void acceptsAnOpenRangeUnlessBothEndsAreRequired() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addParameter("start_date", "2026-03-01");
		QueryParameters parameters = QueryParameters.of(request, ACCEPTED, 100);

		assertThat(parameters.dateRange(false))
			.isEqualTo(new QueryParameters.DateRange(LocalDate.of(2026, 3, 1), null));
		assertThatThrownBy(() -> parameters.dateRange(true)).isInstanceOfSatisfying(AnalyticsException.class,
				e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
	}

	@Test
	void rejectsADayThatDoesNotExist() {
		assertBadRequest("start_date", "2025-02-29");
	}

	@Test
	void rejectsADateWithATime() {
		assertBadRequest("start_date", "2025-02-01T00:00");
	}

	@Test
	void rejectsAnAbbreviatedUuid() {
		assertBadRequest("account_ids", "1-1-1-1-1");
	}

	@Test
	void rejectsAnEmptyIdBetweenCommas() {
		assertBadRequest("account_ids", A + ",," + B);
	}

	@Test
	void rejectsANonNumericLimit() {
		assertBadRequest("limit", "ten");
	}

	@Test
	void rejectsAParameterTheEndpointDoesNotTake() {
		assertBadRequest("user_id", A.toString());
	}

	@Test
	void rejectsASingleValuedParameterGivenTwice() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addParameter("limit", "1", "2");

		assertThatThrownBy(() -> QueryParameters.of(request, ACCEPTED, 100).integer("limit", 0)).isInstanceOfSatisfying(
				AnalyticsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
	}

	@Test
	void rejectsMoreIdsThanTheListLimit() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addParameter("account_ids", A + "," + B + "," + C);

		assertThatThrownBy(() -> QueryParameters.of(request, ACCEPTED, 2).ids("account_ids")).isInstanceOfSatisfying(
				AnalyticsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
	}

	private static void assertBadRequest(String name, String value) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addParameter(name, value);

		assertThatThrownBy(() -> {
			QueryParameters parameters = QueryParameters.of(request, ACCEPTED, 100);
			parameters.date("start_date");
			parameters.ids("account_ids");
			parameters.integer("limit", 0);
		}).isInstanceOfSatisfying(AnalyticsException.class, e -> {
			assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
			assertThat(e.getMessage()).contains(name);
		});
	}

}
