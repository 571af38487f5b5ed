package com.finance.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Totalling a date range from running sums per group and date: both ends inclusive,
 * either open, groups without rows in the range left out, values of the measure's own
 * type and scale, groups in DuckDB's order, and nothing kept when a sum would not be
 * exact.
 */
class DateTotalsTest {

	private static final LocalDate JAN_10 = LocalDate.parse("2026-01-10");

	private static final LocalDate JAN_20 = LocalDate.parse("2026-01-20");

	private static final LocalDate FEB_01 = LocalDate.parse("2026-02-01");

	private static final UUID TAG = UUID.fromString("00000000-0000-0000-0000-000000000001");

	private static final Column TAG_ID = new Column("tag_id", ColumnType.of("UUID"), "", true);

	private static final Column CURRENCY = new Column("currency", ColumnType.of("VARCHAR"), "", false);

	private static final List<DateTotals.Sum> SUMS = List.of(
			DateTotals.summable(new Column("amount", ColumnType.of("DECIMAL(18,2)"), "", false)).orElseThrow(),
			DateTotals.summable(new Column("count", ColumnType.of("BIGINT"), "", false)).orElseThrow());

	/**
	 * Tagged EUR: 1.50 on 10 January, 2.25 on 20 January, 10.00 on 1 February; untagged
	 * EUR: 7.00 on 20 January; tagged USD: 3.00 on 1 February. One row per date each.
	 */
	private static final DateTotals TOTALS = build(new Object[] { "EUR", TAG, JAN_10, new BigDecimal("1.50") },
			new Object[] { "EUR", TAG, JAN_20, new BigDecimal("2.25") },
			new Object[] { "EUR", null, JAN_20, new BigDecimal("7.00") },
			new Object[] { "EUR", TAG, FEB_01, new BigDecimal("10.00") },
			new Object[] { "USD", TAG, FEB_01, new BigDecimal("3.00") })
		.orElseThrow();

	@Test
	void rangeTotalsTheRowsOnBothOfItsEndsPerGroup() {
		assertThat(TOTALS.rows(Optional.of(JAN_10), Optional.of(JAN_20))).containsExactly(row("EUR", null, "7.00", 1),
				row("EUR", TAG, "3.75", 2));
	}

	@Test
	void groupWithoutRowsInTheRangeIsLeftOut() {
		assertThat(TOTALS.rows(Optional.of(JAN_10.plusDays(1)), Optional.of(JAN_20.minusDays(1)))).isEmpty();
		assertThat(TOTALS.rows(Optional.of(JAN_20.plusDays(1)), Optional.of(FEB_01)))
			.containsExactly(row("EUR", TAG, "10.00", 1), row("USD", TAG, "3.00", 1));
	}

	@Test
	void openEndedRangeTotalsFromTheFirstOrToTheLastDate() {
		assertThat(TOTALS.rows(Optional.empty(), Optional.of(JAN_10))).containsExactly(row("EUR", TAG, "1.50", 1));
		assertThat(TOTALS.rows(Optional.of(JAN_20), Optional.empty())).containsExactly(row("EUR", null, "7.00", 1),
				row("EUR", TAG, "12.25", 2), row("USD", TAG, "3.00", 1));
	}

	@Test
	void totalsKeepTheScaleOfTheMeasureAndCountsAreLongs() {
		Map<String, Object> row = TOTALS.rows(Optional.of(FEB_01), Optional.of(FEB_01)).getFirst();
		assertThat(row.get("amount")).isEqualTo(new BigDecimal("10.00"));
		assertThat(row.get("count")).isEqualTo(1L);
	}

	@Test
	void totalsAreWeighedAsTheWorkingSetsWeighThem() {
		assertThat(ResultWeight.of(TOTALS)).isEqualTo(TOTALS.weight()).isPositive();
	}

	@Test
	void sumTooLargeForALongKeepsNothing() {
		assertThat(build(new Object[] { "EUR", TAG, JAN_10, new BigDecimal("90000000000000000.00") },
				new Object[] { "EUR", TAG, JAN_20, new BigDecimal("90000000000000000.00") }))
			.isEmpty();
	}

	@Test
	void onlyExactNeverNullMeasuresAreSummedInMemory() {
		assertThat(DateTotals.summable(new Column("a", ColumnType.of("DECIMAL(38,2)"), "", false))).isEmpty();
		assertThat(DateTotals.summable(new Column("a", ColumnType.of("DOUBLE"), "", false))).isEmpty();
		assertThat(DateTotals.summable(new Column("a", ColumnType.of("DECIMAL(18,2)"), "", true))).isEmpty();
		assertThat(DateTotals.summable(new Column("a", ColumnType.of("DECIMAL(12,4)"), "", false)))
			.contains(new DateTotals.Sum("a", 4));
	}

	@Test
	void datesOutOfOrderWithinAGroupAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> build(new Object[] { "EUR", TAG, JAN_20, BigDecimal.ONE },
				new Object[] { "EUR", TAG, JAN_10, BigDecimal.ONE }));
	}

	/** Rows of currency, tag, date, amount; each counts one. */
	private static Optional<DateTotals> build(Object[]... rows) {
		DateTotals.Builder builder = new DateTotals.Builder(List.of(CURRENCY, TAG_ID), SUMS);
		for (Object[] row : rows) {
			builder.add(Arrays.asList(row[0], row[1]), (LocalDate) row[2], List.of(row[3], 1L));
		}
		return builder.build();
	}

	private static Map<String, Object> row(String currency, UUID tag, String amount, long count) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("currency", currency);
		row.put("tag_id", tag);
		row.put("amount", new BigDecimal(amount));
		row.put("count", count);
		return row;
	}

}
