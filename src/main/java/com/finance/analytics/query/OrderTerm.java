package com.finance.analytics.query;

import com.finance.analytics.catalog.Column;

/**
 * One term of the order a page is read in: descending with nulls last, or ascending with
 * nulls first ({@link DatasetSql#orderTerms}). The statement and the pages cut from kept
 * rows ({@link UserRows}) both order by these terms.
 */
record OrderTerm(Column column, boolean descending) {
}
