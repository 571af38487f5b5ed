package com.finance.analytics.catalog;

/**
 * A dbt {@code relationships} test: {@code fromModel.fromColumn} references
 * {@code toModel.toColumn}.
 */
record RelationshipTest(String fromModelId, String fromColumn, String toModelId, String toColumn) {
}
