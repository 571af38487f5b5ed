package com.finance.analytics.query;

public enum SortDirection {

	ASC, DESC

}
