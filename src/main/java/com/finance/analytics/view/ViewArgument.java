package com.finance.analytics.view;

/**
 * An argument a convenience view may take, with its name on each API. Dates are required
 * and inclusive; id lists are optional and checked for ownership like any filter.
 */
public enum ViewArgument {

	START_DATE("startDate", "start_date", "First day (inclusive)."),
	END_DATE("endDate", "end_date", "Last day (inclusive)."),
	ACCOUNT_IDS("accountIds", "account_ids",
			"Only these accounts (each must be yours, else FORBIDDEN); all of yours when absent."),
	TAG_IDS("tagIds", "tag_ids", "Only these tags (each must be yours, else FORBIDDEN); all of yours when absent.");

	private final String graphQlName;

	private final String restName;

	private final String description;

	ViewArgument(String graphQlName, String restName, String description) {
		this.graphQlName = graphQlName;
		this.restName = restName;
		this.description = description;
	}

	public String graphQlName() {
		return graphQlName;
	}

	public String restName() {
		return restName;
	}

	public String description() {
		return description;
	}

	public boolean isDate() {
		return this == START_DATE || this == END_DATE;
	}

}
