/**
 * GraphQL over HTTP the way frontend clients use it beyond Spring's POST endpoint: GET
 * for queries with ETag/304 and private caching, OPTIONS, CORS for browser apps on other
 * origins (on {@code /graphql} and {@code /api/**}, ahead of authentication so refusals
 * are readable), and the offline GraphiQL page.
 */
package com.finance.analytics.http;
