package com.finance.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironmentImpl;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnFetcherTest {

	@Test
	void readsItsColumnFromTheRow() throws Exception {
		var environment = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
			.source(Map.of("booking_date", "2025-06-01", "amount", "-12.50"))
			.build();

		assertThat(new ColumnFetcher("amount").get(environment)).isEqualTo("-12.50");
	}

	@Test
	void isTrivialSoSpringNeitherObservesNorWrapsItPerField() {
		assertThat(new ColumnFetcher("amount")).isInstanceOf(TrivialDataFetcher.class);
	}

}
