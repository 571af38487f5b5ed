package com.finance.analytics.catalog;

/**
 * The value kinds the gateway knows how to read from DuckDB and expose; anything else
 * stays hidden.
 */
public enum ScalarKind {

	STRING, BOOLEAN, INT, LONG, BIG_INTEGER, FLOAT, DECIMAL, DATE, DATE_TIME, UUID, UNSUPPORTED

}
