package com.finance.analytics.query;

import java.util.List;
import java.util.Map;

/**
 * The rows of one page and the number of rows matching the filter, read from the same
 * statement.
 */
record CountedRows(List<Map<String, Object>> rows, long total) {
}
