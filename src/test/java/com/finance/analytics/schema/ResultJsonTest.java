package com.finance.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * The answer's JSON is exactly what the JSON mapper writes, for every kind of value a
 * GraphQL answer holds and for values it hands back to the mapper.
 */
class ResultJsonTest {

	private static final JsonMapper JSON = JsonMapper.builder()
		.addModule(new SimpleModule().addSerializer(BigDecimal.class, ToStringSerializer.instance))
		.build();

	@Test
	void answerIsWrittenExactlyAsTheMapperWritesIt() {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", "6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");
		row.put("amount", "-12.30");
		row.put("description", "Caf\u00e9 \"Z\u00fcrich\"\n\t\\ \u2028 \ud83d\ude00 <tag>");
		row.put("count", 7);
		row.put("total", 12_345_678_901L);
		row.put("rate", 0.1 + 0.2);
		row.put("whole", 3.0);
		row.put("reported", true);
		row.put("closed", null);
		row.put("tags", Arrays.asList("a", null, ""));
		row.put("empty", List.of());
		row.put("nested", Map.of("deep", List.of(Map.of("x", false))));
		row.put("decimal", new BigDecimal("1.50"));
		row.put("big", new BigInteger("123456789012345678901234567890"));
		row.put("date", LocalDate.of(2026, 11, 30).toString());
		List<Object> nodes = new ArrayList<>();
		nodes.add(row);
		nodes.add(null);
		Map<String, Object> data = Map.of("page", Map.of("nodes", nodes, "totalCount", 2L));

		assertThat(ResultJson.of(data, JSON)).isEqualTo(JSON.writeValueAsString(data));
	}

}
