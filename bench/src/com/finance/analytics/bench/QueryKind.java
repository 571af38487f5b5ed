package com.finance.analytics.bench;

import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * The fixed query mix, each as a real dashboard would send it (one GraphQL document with
 * variables) and the window it draws at random. {@link DirectQueries} runs the same
 * logical query through the gateway's query layer.
 */
enum QueryKind {

	TRANSACTIONS_PAGE("100 transactions of one month",
			"""
					query($s: Date!, $e: Date!) { fctTransactions(filter: {startDate: $s, endDate: $e}, limit: 100,
					  orderBy: [{column: BOOKING_DATE, direction: DESC}]) { totalCount
					  nodes { transactionId accountId bookingDate amount currency description counterparty status tagNames } } }""",
			(range, random) -> range.randomMonths(random, 1)),
	SPENDING_BY_TAG("spending by tag, one quarter", """
			query($s: Date!, $e: Date!) { spendingByTag(startDate: $s, endDate: $e) {
			  tagId currency spendingAmount refundAmount netSpendingAmount transactionCount } }""",
			(range, random) -> range.randomMonths(random, 3)),
	MONTHLY_TRENDS("monthly trends, 24 months", """
			query($s: Date!, $e: Date!) { monthlyTrends(startDate: $s, endDate: $e) {
			  month currency income spending net transactionCount } }""", (range, random) -> range.lastMonths(24)),
	BALANCE_HISTORY("balance history of one account, one year", """
			query($a: UUID!, $s: Date!, $e: Date!) { balanceHistory(accountIds: [$a], startDate: $s, endDate: $e) {
			  accountId balanceDate balance netChange isReported } }""",
			(range, random) -> range.randomMonths(random, 12)),
	NESTED_RELATIONS("25 transactions with account and tags", """
			query($s: Date!, $e: Date!) { fctTransactions(filter: {startDate: $s, endDate: $e}, limit: 25,
			  orderBy: [{column: BOOKING_DATE, direction: DESC}]) { totalCount
			  nodes { transactionId bookingDate amount account { accountName institutionName currency }
			          tags { tagName color } } } }""", (range, random) -> range.randomMonths(random, 1)),
	METRIC_TAG_SPENDING("metric: spending per tag per month, 24 months", """
			query($s: Date!, $e: Date!) { metrics(metrics: [TAG_SPENDING], groupBy: [CURRENCY, TAG], grain: MONTH,
			  startDate: $s, endDate: $e, limit: 10000) { rows { period currency tagId tagSpending } } }""",
			(range, random) -> range.lastMonths(24)),
	METRIC_CASH_FLOW("metric: income, spending, savings rate per quarter", """
			query($s: Date!, $e: Date!) { metrics(metrics: [INCOME, SPENDING, SAVINGS_RATE], groupBy: [CURRENCY],
			  grain: QUARTER, startDate: $s, endDate: $e) { rows { period currency income spending savingsRate } } }""",
			(range, random) -> range.lastMonths(24));

	static final int TRANSACTIONS_PAGE_SIZE = 100;
	static final int NESTED_PAGE_SIZE = 25;

	private final String title;

	private final String document;

	private final BiFunction<DataRange, Random, DataRange.Window> window;

	QueryKind(String title, String document, BiFunction<DataRange, Random, DataRange.Window> window) {
		this.title = title;
		this.document = document;
		this.window = window;
	}

	String title() {
		return title;
	}

	String document() {
		return document;
	}

	Request draw(UserPool users, DataRange range, Random random) {
		return new Request(users.random(random), window.apply(range, random));
	}

	Map<String, Object> variables(Request request) {
		Map<String, Object> variables = new java.util.LinkedHashMap<>();
		if (this == BALANCE_HISTORY) {
			variables.put("a", request.user().accountId().toString());
		}
		variables.put("s", request.window().start().toString());
		variables.put("e", request.window().end().toString());
		return variables;
	}

}
