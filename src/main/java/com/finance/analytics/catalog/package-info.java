/**
 * What the gateway may expose: the datasets of one snapshot, read from dbt's manifest
 * ({@code meta.dataset: true}, descriptions, filters, relationships tests) and typed from
 * the DuckDB catalog. A model without a usable user id column never becomes a dataset.
 */
package com.finance.analytics.catalog;
