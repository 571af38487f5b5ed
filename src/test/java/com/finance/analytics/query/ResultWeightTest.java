package com.finance.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * A large result is weighed from a sample of its rows: close to weighing every row when
 * the rows are alike, and growing with the number of rows.
 */
class ResultWeightTest {

	@Test
	void pageOfSimilarRowsWeighsAboutAsMuchAsItsRowsOneByOne() {
		List<Map<String, Object>> rows = rows(100);
		int oneByOne = 40 + rows.stream().mapToInt(row -> 4 + ResultWeight.of(row)).sum();

		assertThat((double) ResultWeight.of(rows)).isCloseTo(oneByOne, within(oneByOne * 0.05));
	}

	@Test
	void weightGrowsWithTheNumberOfRows() {
		assertThat(ResultWeight.of(rows(1000))).isGreaterThan(9 * ResultWeight.of(rows(100)));
		assertThat(ResultWeight.of(List.of())).isEqualTo(40);
	}

	private static List<Map<String, Object>> rows(int count) {
		return IntStream.range(0, count).mapToObj(index -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("transaction_id", UUID.randomUUID());
			row.put("amount", BigDecimal.valueOf(index, 2));
			row.put("description", "Groceries " + index % 7);
			return row;
		}).toList();
	}

}
