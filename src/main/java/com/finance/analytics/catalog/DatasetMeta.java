package com.finance.analytics.catalog;

import java.util.Map;

/** The {@code meta} block of a dbt model as the gateway reads it. */
record DatasetMeta(boolean dataset, String friendlyName, String group, String timeGrain, Map<String, String> filters,
		String graphQlType) {

	static final String USER_ID_COLUMN = "user_id_column";
	static final String DATE_COLUMN = "date_column";
	static final String ACCOUNT_ID_COLUMN = "account_id_column";
	static final String TAG_ID_COLUMN = "tag_id_column";

}
