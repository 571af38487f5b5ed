/**
 * The frontend's convenience views (spending per tag, monthly trends, balance history):
 * each view is one class that says which mart it reads, declares its arguments once,
 * answers its rows through the shared query layer, and adds its GraphQL field with the
 * fetcher behind it; the REST API serves every view from the same declaration.
 */
package com.finance.analytics.view;
