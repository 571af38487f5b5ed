package com.finance.analytics.rest;

import java.util.List;
import java.util.Map;

/** The rows of a convenience view, keyed by the column names of the mart behind it. */
record ViewRowsBody(List<Map<String, Object>> rows) {
}
