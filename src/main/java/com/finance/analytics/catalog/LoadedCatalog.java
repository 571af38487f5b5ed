package com.finance.analytics.catalog;

/**
 * A catalog together with the dbt version that produced the manifest it was read from.
 */
public record LoadedCatalog(String dbtVersion, Catalog catalog) {
}
