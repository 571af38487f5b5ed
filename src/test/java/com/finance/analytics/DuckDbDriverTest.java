package com.finance.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class DuckDbDriverTest {

	@Test
	void embeddedDuckDbMatchesThePythonBuildVersion() throws Exception {
		try (var connection = DriverManager.getConnection("jdbc:duckdb:");
				var statement = connection.createStatement();
				var result = statement.executeQuery("select version()")) {
			result.next();
			assertThat(result.getString(1)).isEqualTo("v1.5.5");
		}
	}

}
