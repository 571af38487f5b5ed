package com.finance.analytics.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.security.Caller;
import com.finance.analytics.security.TestTokens;

/**
 * A Dagster that accepts connections and never answers, against the real gateway over
 * HTTP: twelve concurrent refreshes (GraphQL and REST, more than the gateway's request
 * threads) all end UNAVAILABLE after one shared call to Dagster, and another user's query
 * is answered while every one of them is still waiting. Before refreshes were
 * asynchronous and single-flight, each held a request thread for its own call, one after
 * another, and the query waited behind them. (The timeout only stops a hang from stalling
 * the build; it asserts no speed.)
 */
@GatewayTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RefreshWithSilentDagsterTest {

	private static final int CONCURRENT_REFRESHES = 12;

	private static final UUID USER = UUID.fromString("5d1e7a0c-2b7f-4c3e-8a11-0c2f3e4d5a61");

	private static final String GRAPHQL_REFRESH = request("/graphql",
			"{\"query\":\"mutation { refreshAnalytics { id status } }\"}");

	private static final String REST_REFRESH = request("/api/analytics/refresh", "");

	private static final String STATUS = "{ analyticsStatus { available snapshotId } datasets { id } }";

	private static final List<Socket> ACCEPTED = new ArrayList<>();

	private static ServerSocket silentDagster;

	@LocalServerPort
	private int port;

	@Autowired
	private GatewayHttp http;

	@DynamicPropertySource
	static void silentDagster(DynamicPropertyRegistry registry) throws IOException {
		silentDagster = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofVirtual().start(RefreshWithSilentDagsterTest::acceptAndStaySilent);
		registry.add("analytics.refresh.dagster-url", () -> "http://127.0.0.1:" + silentDagster.getLocalPort());
		registry.add("analytics.refresh.connect-timeout", () -> "1s");
		registry.add("analytics.refresh.request-timeout", () -> "8s");
		registry.add("analytics.refresh.launch-timeout", () -> "8s");
	}

	@AfterAll
	static void closeSockets() throws IOException {
		synchronized (ACCEPTED) {
			for (Socket socket : ACCEPTED) {
				socket.close();
			}
		}
		silentDagster.close();
	}

	@Test
	void concurrentRefreshesShareOneDagsterCallAndLeaveQueriesAnswering() throws Exception {
		String user = TestTokens.bearer(USER);
		assertThat(http.graphQl(user, STATUS, Map.of()).errorCodes()).as("warm-up query").isEmpty();
		AtomicInteger finished = new AtomicInteger();
		// Written in full before the query is sent, so every refresh is queued at the
		// gateway ahead of it.
		List<CompletableFuture<String>> refreshes = new ArrayList<>();
		for (int i = 0; i < CONCURRENT_REFRESHES; i++) {
			refreshes.add(i % 2 == 0 ? send(GRAPHQL_REFRESH, finished) : send(REST_REFRESH, finished));
		}
		RefreshFixtures.awaitCondition("Dagster receiving the refresh's call", Duration.ofSeconds(30),
				() -> accepted() > 0);

		GatewayHttp.Response query = http.graphQl(user, STATUS, Map.of());
		int refreshesFinishedBeforeTheQuery = finished.get();

		assertThat(query.errorCodes()).isEmpty();
		assertThat(query.data().path("analyticsStatus").path("available").asBoolean()).isTrue();
		assertThat(refreshesFinishedBeforeTheQuery).as("refreshes answered before the other user's query").isZero();
		assertThat(refreshes).allSatisfy(refresh -> assertThat(refresh.join()).as("a refresh's response")
			.contains("\"code\":\"UNAVAILABLE\"")
			.doesNotContain("127.0.0.1"));
		assertThat(accepted()).as("calls Dagster received for %d concurrent refreshes", CONCURRENT_REFRESHES)
			.isEqualTo(1);
	}

	/**
	 * Sends one HTTP/1.1 request over a plain socket and returns its response (read on a
	 * thread of its own) once the gateway closes the connection; unlike an HTTP client,
	 * the request has surely left when this returns.
	 */
	private CompletableFuture<String> send(String template, AtomicInteger finished) throws IOException {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
		// One operator per refresh: the per-user limit on requests in progress is not
		// what this test is about.
		String request = template.replace("{TOKEN}", TestTokens.bearer(UUID.randomUUID(), Caller.REFRESH_SCOPE));
		socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
		socket.getOutputStream().flush();
		CompletableFuture<String> response = new CompletableFuture<>();
		Thread.ofPlatform().start(() -> {
			try (socket) {
				response.complete(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException failure) {
				response.completeExceptionally(failure);
			}
			finally {
				finished.incrementAndGet();
			}
		});
		return response;
	}

	private static String request(String path, String body) {
		return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {TOKEN}\r\n"
				+ "Content-Type: application/json\r\nAccept: application/json\r\nConnection: close\r\n"
				+ "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
	}

	private static int accepted() {
		synchronized (ACCEPTED) {
			return ACCEPTED.size();
		}
	}

	private static void acceptAndStaySilent() {
		try {
			while (!silentDagster.isClosed()) {
				Socket socket = silentDagster.accept();
				synchronized (ACCEPTED) {
					ACCEPTED.add(socket);
				}
			}
		}
		catch (IOException closed) {
			// The test is over and closed the server.
		}
	}

}
