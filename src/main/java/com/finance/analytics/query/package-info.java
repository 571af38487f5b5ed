/**
 * Query execution over a snapshot, shared by GraphQL and REST: validated dataset queries,
 * ownership checks, relation batches and grouped totals (the convenience views read
 * through here). SQL is built only from catalog identifiers and bind parameters, and
 * every statement is scoped to the caller's user id here, so no resolver or endpoint can
 * forget it.
 */
package com.finance.analytics.query;
