package com.finance.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Keeping a user's rows by column and cutting pages from them: every value comes back
 * equal (ids, amounts and dates kept as primitives, the rest as dictionaries, nulls
 * included), the order is DuckDB's (descending with nulls last, ascending with nulls
 * first, then the tie-breakers), a date range leaves out undated rows, and offset and
 * limit cut the ordered rows.
 */
class UserRowsTest {

	private static final Column ID = column("id", "UUID");

	private static final Column DAY = column("day", "DATE");

	private static final Column AMOUNT = column("amount", "DECIMAL(18,2)");

	private static final Column NAME = column("name", "VARCHAR");

	private static final Column TAGS = column("tags", "VARCHAR[]");

	private static final List<Column> COLUMNS = List.of(ID, DAY, AMOUNT, NAME, TAGS);

	private static final LocalDate FIRST_DAY = LocalDate.parse("2026-01-01");

	/**
	 * 300 rows: ids, amounts and days distinct enough to be kept as primitives, every
	 * 50th day and every third name null.
	 */
	private static final List<Map<String, Object>> ROWS = rows(300);

	private static final UserRows KEPT = UserRows.of(COLUMNS, ROWS);

	@Test
	void everyRowComesBackEqualInTheKeysOrder() {
		List<Map<String, Object>> all = KEPT.page("day", Optional.empty(), Optional.empty(),
				List.of(new OrderTerm(ID, false)), COLUMNS, 1000, 0);

		List<Map<String, Object>> expected = new ArrayList<>(ROWS);
		expected.sort(Comparator.comparing(row -> ((UUID) row.get("id")).getLeastSignificantBits()));
		assertThat(all).isEqualTo(expected);
		assertThat(all.getFirst().get("amount")).isEqualTo(new BigDecimal("-3.75"));
	}

	@Test
	void descendingPutsNullsLastAndAscendingPutsThemFirst() {
		List<Object> descending = KEPT
			.page("day", Optional.empty(), Optional.empty(),
					List.of(new OrderTerm(DAY, true), new OrderTerm(ID, false)), List.of(DAY), 1000, 0)
			.stream()
			.map(row -> row.get("day"))
			.toList();
		List<Object> ascending = KEPT
			.page("day", Optional.empty(), Optional.empty(),
					List.of(new OrderTerm(NAME, false), new OrderTerm(ID, false)), List.of(NAME), 1000, 0)
			.stream()
			.map(row -> row.get("name"))
			.toList();

		assertThat(descending).hasSize(300).endsWith(null, null, null, null, null, null);
		assertThat(descending.subList(0, 294)).doesNotContainNull()
			.isSortedAccordingTo(Comparator.comparing(LocalDate.class::cast).reversed());
		assertThat(ascending.subList(0, 100)).containsOnlyNulls();
		assertThat(ascending.subList(100, 300)).isSortedAccordingTo(Comparator.comparing(String.class::cast));
	}

	@Test
	void tiesAreBrokenByTheNextTerms() {
		List<Map<String, Object>> page = KEPT.page("day", Optional.empty(), Optional.empty(),
				List.of(new OrderTerm(NAME, true), new OrderTerm(ID, true)), List.of(NAME, ID), 3, 0);

		assertThat(page).extracting(row -> row.get("name")).containsOnly("name 4");
		assertThat(page).extracting(row -> ((UUID) row.get("id")).getLeastSignificantBits())
			.containsExactly(298L, 293L, 283L);
	}

	@Test
	void dateRangeKeepsItsDatedRowsOnly() {
		LocalDate start = FIRST_DAY.plusDays(10);
		LocalDate end = FIRST_DAY.plusDays(12);
		List<Map<String, Object>> inRange = KEPT.page("day", Optional.of(start), Optional.of(end),
				List.of(new OrderTerm(ID, false)), List.of(ID, DAY), 1000, 0);
		List<Map<String, Object>> from = KEPT.page("day", Optional.of(start), Optional.empty(),
				List.of(new OrderTerm(ID, false)), List.of(DAY), 1000, 0);

		long expected = ROWS.stream()
			.map(row -> (LocalDate) row.get("day"))
			.filter(day -> day != null && !day.isBefore(start) && !day.isAfter(end))
			.count();
		assertThat(inRange).hasSize((int) expected)
			.allSatisfy(row -> assertThat((LocalDate) row.get("day")).isBetween(start, end));
		assertThat(from).extracting(row -> row.get("day")).doesNotContainNull();
	}

	@Test
	void offsetAndLimitCutTheOrderedRows() {
		List<OrderTerm> byId = List.of(new OrderTerm(ID, false));
		List<Map<String, Object>> all = KEPT.page("day", Optional.empty(), Optional.empty(), byId, List.of(ID), 1000,
				0);

		assertThat(KEPT.page("day", Optional.empty(), Optional.empty(), byId, List.of(ID), 5, 295))
			.isEqualTo(all.subList(295, 300));
		assertThat(KEPT.page("day", Optional.empty(), Optional.empty(), byId, List.of(ID), 5, 300)).isEmpty();
		assertThat(KEPT.page("day", Optional.empty(), Optional.empty(), byId, List.of(ID), 0, 0)).isEmpty();
	}

	@Test
	void keptRowsWeighFarLessThanTheRowsRead() {
		assertThat(KEPT.weight()).isLessThan(ResultWeight.of(ROWS) / 4);
		assertThat(ResultWeight.of(KEPT)).as("as the working sets weigh them").isEqualTo(KEPT.weight());
		assertThat(KEPT.size()).isEqualTo(300);
	}

	private static List<Map<String, Object>> rows(int count) {
		List<Map<String, Object>> rows = new ArrayList<>();
		Map<String, List<String>> tagLists = new HashMap<>();
		for (int i = 0; i < count; i++) {
			Map<String, Object> row = new LinkedHashMap<>();
			// 7 and 300 have no common factor: every id once, not in the rows' order.
			row.put("id", new UUID(0, (i * 7L) % count));
			row.put("day", i % 50 == 0 ? null : FIRST_DAY.plusDays(i % 280));
			row.put("amount", BigDecimal.valueOf(i * 125L - 375, 2));
			row.put("name", i % 3 == 0 ? null : "name " + (i % 5));
			row.put("tags", tagLists.computeIfAbsent("t" + i % 2, List::of));
			rows.add(row);
		}
		return rows;
	}

	private static Column column(String name, String type) {
		return new Column(name, ColumnType.of(type), "", true);
	}

}
