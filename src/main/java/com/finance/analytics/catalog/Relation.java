package com.finance.analytics.catalog;

/**
 * A dbt {@code relationships} test between two exposed datasets. {@code many} when the
 * source column is a list (each element references one target row).
 */
public record Relation(String fromDataset, String fromColumn, String toDataset, String toColumn, boolean many) {
}
