package com.finance.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphQlNamesTest {

    @Test
    void modelNamesBecomeLowerCamelFieldsAndUpperCamelTypes() {
        assertThat(GraphQlNames.field("fct_daily_spending_by_tag")).isEqualTo("fctDailySpendingByTag");
        assertThat(GraphQlNames.type("fct_daily_spending_by_tag")).isEqualTo("FctDailySpendingByTag");
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

    @Test
    void relationFieldsDropTheIdSuffix() {
        assertThat(GraphQlNames.relationField("account_id", false)).isEqualTo("account");
        assertThat(GraphQlNames.relationField("tag_ids", true)).isEqualTo("tags");
        assertThat(GraphQlNames.relationField("owner", false)).isEqualTo("ownerRef");
    }
}
