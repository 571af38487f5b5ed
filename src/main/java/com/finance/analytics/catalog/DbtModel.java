package com.finance.analytics.catalog;

import java.util.Map;
import java.util.Set;

/** A model node of dbt's manifest, reduced to what the catalog needs. */
record DbtModel(String uniqueId, String name, String schema, String relationName, String description,
		Map<String, String> columnDescriptions, DatasetMeta meta, Set<String> notNullColumns,
		Set<String> uniqueColumns) {
}
