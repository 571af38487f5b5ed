package com.finance.analytics.bench;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One closed-loop client of the session mix: a browser going through sessions one after
 * the other. Against the gateway it asks with GET and keeps the answers' tags (a
 * browser's HTTP cache, {@code Cache-Control: private, no-cache}: revalidated on every
 * use); raw DuckDB runs the same steps through the gateway's query layer.
 */
final class SessionClient implements ClosedLoop.Client {

	/** How a step is sent; returns whether it was answered 304 Not Modified. */
	@FunctionalInterface
	interface Sender {

		boolean send(Session.Step step, Map<String, String> browserCache) throws Exception;

	}

	private final Session session;

	private final Sender sender;

	private final AtomicLong notModified;

	private final ArrayDeque<Session.Step> pending = new ArrayDeque<>();

	private final Map<String, String> browserCache = new HashMap<>();

	SessionClient(Session session, Sender sender, AtomicLong notModified) {
		this.session = session;
		this.sender = sender;
		this.notModified = notModified;
	}

	@Override
	public void call(Random random) throws Exception {
		if (pending.isEmpty()) {
			pending.addAll(session.draw(random));
		}
		if (sender.send(pending.poll(), browserCache)) {
			notModified.incrementAndGet();
		}
	}

}
