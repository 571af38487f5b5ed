package com.finance.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.catalog.DatasetFilters;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphQlNamesTest {

	@Test
	void modelNamesBecomeLowerCamelFieldsAndUpperCamelTypes() {
		assertThat(GraphQlNames.field("fct_daily_spending_by_tag")).isEqualTo("fctDailySpendingByTag");
		assertThat(GraphQlNames.type("fct_daily_spending_by_tag")).isEqualTo("FctDailySpendingByTag");
	}

	@Test
	void rowTypesSayWhatOneRowIsUnlessDbtNamesThem() {
		assertThat(GraphQlNames.rowType(dataset("fct_transactions", Optional.empty()))).isEqualTo("Transaction");
		assertThat(GraphQlNames.rowType(dataset("dim_accounts", Optional.empty()))).isEqualTo("Account");
		assertThat(GraphQlNames.rowType(dataset("fct_monthly_trends", Optional.empty()))).isEqualTo("MonthlyTrend");
		assertThat(GraphQlNames.rowType(dataset("dim_categories", Optional.empty()))).isEqualTo("Category");
		assertThat(GraphQlNames.rowType(dataset("fct_daily_balance_history", Optional.of("DailyBalance"))))
			.isEqualTo("DailyBalance");
	}

	@Test
	void columnsBecomeEnumValues() {
		assertThat(GraphQlNames.enumValue("booking_date")).isEqualTo("BOOKING_DATE");
		assertThat(GraphQlNames.enumValue("7day")).isEqualTo("_7DAY");
	}

	@Test
	void namesNeverStartWithADigit() {
		assertThat(GraphQlNames.field("2024_totals")).isEqualTo("x2024Totals");
	}

	private static Dataset dataset(String id, Optional<String> graphQlType) {
		return new Dataset(id, id, null, null, "", "main", id, List.of(),
				new DatasetFilters("user_id", Optional.empty(), Optional.empty(), Optional.empty()), graphQlType,
				Optional.empty());
	}

	@Test
	void relationFieldsDropTheIdSuffix() {
		assertThat(GraphQlNames.relationField("account_id", false)).isEqualTo("account");
		assertThat(GraphQlNames.relationField("tag_ids", true)).isEqualTo("tags");
		assertThat(GraphQlNames.relationField("owner", false)).isEqualTo("ownerRef");
	}

}
