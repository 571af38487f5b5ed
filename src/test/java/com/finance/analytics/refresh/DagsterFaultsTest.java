package com.finance.analytics.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.security.Caller;

/**
 * Dagster down or hanging, over real sockets on loopback: every call ends in UNAVAILABLE
 * instead of an exception the client cannot act on or a request that never returns. (The
 * timeout annotations only stop a hang from stalling the build; they assert no speed.)
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DagsterFaultsTest {

	private static final int CONCURRENT_CALLERS = 12;

	private static final Caller OPERATOR = new Caller(UUID.randomUUID(), Set.of(Caller.REFRESH_SCOPE));

	private final List<Socket> accepted = new ArrayList<>();

	private ServerSocket silentServer;

	@AfterEach
	void closeSockets() throws IOException {
		synchronized (accepted) {
			for (Socket socket : accepted) {
				socket.close();
			}
		}
		if (silentServer != null) {
			silentServer.close();
		}
	}

	@Test
	void refreshAnswersUnavailableWhenNothingListens() throws IOException {
		RefreshService refreshes = service(URI.create("http://127.0.0.1:" + RefreshFixtures.freeLoopbackPort()));

		assertUnavailable(() -> refreshes.refresh(OPERATOR).join());
		assertUnavailable(() -> refreshes.run(OPERATOR, "2b1e6f6c-8c5e-4c77-9a55-2f1f0f4c8d11").join());
	}

	@Test
	void refreshAnswersUnavailableWhenDagsterAcceptsButNeverAnswers() throws IOException {
		silentServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofVirtual().start(this::acceptAndStaySilent);
		RefreshService refreshes = service(URI.create("http://127.0.0.1:" + silentServer.getLocalPort()));

		assertUnavailable(() -> refreshes.refresh(OPERATOR).join());
	}

	@Test
	void concurrentRefreshesWhileDagsterNeverAnswersShareOneCallAndAllAnswerUnavailable() throws Exception {
		silentServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofVirtual().start(this::acceptAndStaySilent);
		RefreshService refreshes = service(URI.create("http://127.0.0.1:" + silentServer.getLocalPort()));

		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<RefreshRun>> calls = Stream.generate(() -> {
			CompletableFuture<RefreshRun> call = new CompletableFuture<>();
			Thread.ofPlatform().start(() -> {
				try {
					start.await();
					call.complete(refreshes.refresh(OPERATOR).join());
				}
				catch (Throwable failure) {
					call.completeExceptionally(failure);
				}
			});
			return call;
		}).limit(CONCURRENT_CALLERS).toList();
		start.countDown();

		for (CompletableFuture<RefreshRun> call : calls) {
			assertUnavailable(call::join);
		}
		synchronized (accepted) {
			assertThat(accepted).as("connections Dagster saw for %d concurrent refreshes", CONCURRENT_CALLERS)
				.hasSize(1);
		}
	}

	@Test
	void refreshHandsBackItsThreadBeforeDagsterAnswers() throws Exception {
		silentServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofVirtual().start(this::acceptAndStaySilent);
		RefreshService refreshes = service(URI.create("http://127.0.0.1:" + silentServer.getLocalPort()));

		CompletableFuture<RefreshRun> pending = refreshes.refresh(OPERATOR);

		assertThat(pending).as("returned to the caller while Dagster has not answered").isNotDone();
		assertUnavailable(pending::join);
	}

	@Test
	void refusesACallerWithoutTheRefreshScopeBeforeAskingDagster() throws IOException {
		RefreshService refreshes = service(URI.create("http://127.0.0.1:" + RefreshFixtures.freeLoopbackPort()));
		Caller user = new Caller(UUID.randomUUID(), Set.of());

		assertThatThrownBy(() -> refreshes.refresh(user)).isInstanceOfSatisfying(AnalyticsException.class,
				e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
		assertThatThrownBy(() -> refreshes.run(user, "2b1e6f6c-8c5e-4c77-9a55-2f1f0f4c8d11"))
			.isInstanceOfSatisfying(AnalyticsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
	}

	@Test
	void rejectsARunIdThatIsNotAUuidWithoutAskingDagster() throws IOException {
		RefreshService refreshes = service(URI.create("http://127.0.0.1:" + RefreshFixtures.freeLoopbackPort()));

		assertThatThrownBy(() -> refreshes.run(OPERATOR, "1 OR 1=1")).isInstanceOfSatisfying(AnalyticsException.class,
				e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
	}

	private static RefreshService service(URI dagster) {
		RefreshProperties properties = new RefreshProperties(dagster, "analytics", "__repository__",
				"analytics_refresh", Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
		return new RefreshService(new DagsterClient(properties), properties);
	}

	/**
	 * A failed future's join throws CompletionException; the service's own calls throw
	 * directly.
	 */
	private static void assertUnavailable(ThrowingCallable call) {
		assertThatThrownBy(call).satisfies(thrown -> {
			Throwable cause = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause()
					: thrown;
			if (cause instanceof CompletionException && cause.getCause() != null) {
				cause = cause.getCause();
			}
			assertThat(cause).isInstanceOfSatisfying(AnalyticsException.class,
					e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
		});
	}

	private void acceptAndStaySilent() {
		try {
			while (!silentServer.isClosed()) {
				Socket socket = silentServer.accept();
				synchronized (accepted) {
					accepted.add(socket);
				}
			}
		}
		catch (IOException closed) {
			// The test is over and closed the server.
		}
	}

}
