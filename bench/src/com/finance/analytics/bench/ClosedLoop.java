package com.finance.analytics.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * {@code concurrency} clients, each sending its next request as soon as the previous one
 * answered, for a fixed time. A request that fails counts as an error, never as a
 * completed request.
 */
final class ClosedLoop {

	/** One request; throws when the answer is not a correct one. */
	@FunctionalInterface
	interface Client {

		void call(Random random) throws Exception;

	}

	private ClosedLoop() {
	}

	/**
	 * @param cpu the serving process's CPU time so far, in nanoseconds
	 */
	static Result run(int concurrency, double seconds, ThreadFactory threads, LongSupplier cpu, Client client)
			throws InterruptedException {
		return runEach(concurrency, seconds, threads, cpu, index -> client);
	}

	/**
	 * As {@link #run(int, double, ThreadFactory, LongSupplier, Client)}, with a client of
	 * its own for each of the {@code concurrency} clients (one browser each, with its
	 * session and cache).
	 */
	static Result runEach(int concurrency, double seconds, ThreadFactory threads, LongSupplier cpu,
			IntFunction<Client> clients) throws InterruptedException {
		long cpuBefore = cpu.getAsLong();
		long start = System.nanoTime();
		long end = start + (long) (seconds * 1e9);
		AtomicLong errors = new AtomicLong();
		AtomicReference<String> firstError = new AtomicReference<>();
		List<long[]> perClient = new ArrayList<>();
		List<Thread> running = new ArrayList<>();
		for (int i = 0; i < concurrency; i++) {
			LatencyLog log = new LatencyLog();
			Random random = new Random(31L * i + concurrency);
			Client client = clients.apply(i);
			Thread thread = threads.newThread(() -> {
				while (System.nanoTime() < end) {
					long sent = System.nanoTime();
					try {
						client.call(random);
						log.add(System.nanoTime() - sent);
					}
					catch (Exception e) {
						errors.incrementAndGet();
						firstError.compareAndSet(null, e.toString());
					}
				}
				synchronized (perClient) {
					perClient.add(log.toArray());
				}
			});
			running.add(thread);
			thread.start();
		}
		for (Thread thread : running) {
			thread.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long cpuSpent = cpu.getAsLong() - cpuBefore;
		long[] all = perClient.stream().flatMapToLong(java.util.Arrays::stream).toArray();
		return Result.of(all, errors.get(), elapsed, cpuSpent, firstError.get());
	}

	/** A growable array of latencies, one per client, so recording takes no lock. */
	private static final class LatencyLog {

		private long[] values = new long[4096];

		private int size;

		void add(long value) {
			if (size == values.length) {
				values = java.util.Arrays.copyOf(values, size * 2);
			}
			values[size++] = value;
		}

		long[] toArray() {
			return java.util.Arrays.copyOf(values, size);
		}

	}

}
