package com.finance.analytics.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.view.ViewArgument;
import org.junit.jupiter.api.Test;

/**
 * The dataset endpoint's filter names (constants, for annotations) are the views' names
 * for the same filters.
 */
class ViewParameterNamesTest {

	@Test
	void datasetFilterNamesEqualTheViewArgumentNames() {
		assertThat(QueryParameters.START_DATE).isEqualTo(ViewArgument.START_DATE.restName());
		assertThat(QueryParameters.END_DATE).isEqualTo(ViewArgument.END_DATE.restName());
		assertThat(QueryParameters.ACCOUNT_IDS).isEqualTo(ViewArgument.ACCOUNT_IDS.restName());
		assertThat(QueryParameters.TAG_IDS).isEqualTo(ViewArgument.TAG_IDS.restName());
	}

}
