/**
 * The REST analytics API under {@code /api/analytics}: the same datasets, convenience
 * views (served from their declarations, {@code ViewEndpoints}) and refresh as GraphQL,
 * served by the shared query layer (no SQL and no scoping of its own), with RFC 9457
 * problem details carrying the GraphQL error codes, and the OpenAPI document and Swagger
 * UI that describe it.
 */
package com.finance.analytics.rest;
