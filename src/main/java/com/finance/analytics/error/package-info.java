/**
 * Client-facing failures, shared by GraphQL and REST: the stable error codes with their
 * HTTP status, GraphQL classification and default message
 * ({@link com.finance.analytics.error.ErrorCode}), the exception that carries one, and
 * the one factory of coded GraphQL errors and problem details
 * ({@link com.finance.analytics.error.CodedErrors}).
 */
package com.finance.analytics.error;
