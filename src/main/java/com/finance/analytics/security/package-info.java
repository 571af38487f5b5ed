/**
 * Who is calling and how much they may ask for: verifies the bearer JWT (HS256 secret or
 * RS256/ES256 from a JWKS), turns it into the
 * {@link com.finance.analytics.security.Caller} every data path scopes its SQL by, and
 * enforces the abuse limits (request body size, query depth, cost, aliases, root fields,
 * list sizes, introspection); refuses GraphQL requests that are not well-formed JSON
 * requests with a GraphQL-shaped BAD_REQUEST error.
 */
package com.finance.analytics.security;
