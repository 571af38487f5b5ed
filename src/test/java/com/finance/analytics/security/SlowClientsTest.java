package com.finance.analytics.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import com.finance.analytics.GatewayTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send a large {@code Content-Length} and then trickle the body a byte a
 * second, against the real server: they must not hold the capacity other callers need, a
 * body that takes too long to arrive is refused, and a request refused before its body
 * was read has its connection closed instead of being drained.
 */
@GatewayTest
@TestPropertySource(properties = { "analytics.limits.body-timeout=6s", "server.tomcat.connection-timeout=2s" })
class SlowClientsTest {

	private static final UUID USER = UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");

	private static final UUID OTHER_USER = UUID.fromString("0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");

	private static final String QUERY = "{\"query\":\"{ analyticsStatus { available } }\"}";

	/**
	 * Two in three with one user's valid token: those alone are as many as the gateway's
	 * 16 request threads, which they would all hold if their bodies were read before the
	 * per-user limit applied.
	 */
	private static final int SLOW_CLIENTS = 24;

	@LocalServerPort
	private int port;

	@Test
	void tricklingClientsWithAndWithoutTokenDoNotStarveANormalQuery() throws Exception {
		AtomicBoolean trickling = new AtomicBoolean(true);
		List<Thread> slow = new ArrayList<>();
		List<Socket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < SLOW_CLIENTS; i++) {
				Socket socket = openTrickle(i % 3 == 0 ? null : TestTokens.bearer(USER));
				sockets.add(socket);
				slow.add(Thread.ofPlatform().daemon().start(() -> trickle(socket, trickling)));
			}
			Thread.sleep(1000);

			// generous for a status query, yet over before the trickles reach their
			// deadline: a check that the
			// request is not starved, not a speed measurement
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
					.timeout(Duration.ofSeconds(3))
					.header("Authorization", TestTokens.bearer(OTHER_USER))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(QUERY))
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.body()).contains("\"available\":true");
		}
		finally {
			trickling.set(false);
			for (Thread thread : slow) {
				thread.join(5000);
			}
			for (Socket socket : sockets) {
				socket.close();
			}
		}
	}

	@Test
	void bodyStillTricklingAtTheDeadlineIsRefusedAndItsConnectionClosed() throws Exception {
		AtomicBoolean trickling = new AtomicBoolean(true);
		try (Socket socket = openTrickle(TestTokens.bearer(USER))) {
			Thread writer = Thread.ofPlatform().daemon().start(() -> trickle(socket, trickling));
			socket.setSoTimeout(15_000);

			String answer = readUntilClosed(socket.getInputStream());

			trickling.set(false);
			writer.join(5000);
			assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":\"TIMEOUT\"");
		}
	}

	@Test
	void bodyThatStopsArrivingIsRefusedAfterTheConnectionTimeout() throws Exception {
		try (Socket socket = openTrickle(TestTokens.bearer(USER))) {
			socket.setSoTimeout(15_000);

			String answer = readUntilClosed(socket.getInputStream());

			assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":\"TIMEOUT\"");
		}
	}

	@Test
	void requestRefusedBeforeItsBodyIsReadHasItsConnectionClosed() throws Exception {
		AtomicBoolean trickling = new AtomicBoolean(true);
		try (Socket socket = openTrickle(null)) {
			Thread writer = Thread.ofPlatform().daemon().start(() -> trickle(socket, trickling));
			// the server must close at once instead of reading the 60,000 announced bytes
			// (which never come)
			socket.setSoTimeout(3_000);

			String answer = readUntilClosed(socket.getInputStream());

			trickling.set(false);
			writer.join(5000);
			assertThat(answer).startsWith("HTTP/1.1 401").containsIgnoringCase("connection: close");
		}
	}

	/**
	 * A socket that has sent the headers of a GraphQL POST announcing 60,000 bytes and no
	 * byte of the body yet.
	 */
	private Socket openTrickle(String authorization) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		String head = "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
				+ (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
				+ "Content-Length: 60000\r\n\r\n";
		OutputStream out = socket.getOutputStream();
		out.write(head.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return socket;
	}

	/** One byte a second while asked to, until the server closes the connection. */
	private static void trickle(Socket socket, AtomicBoolean trickling) {
		try {
			OutputStream out = socket.getOutputStream();
			out.write('{');
			out.flush();
			while (trickling.get()) {
				TimeUnit.SECONDS.sleep(1);
				out.write(' ');
				out.flush();
			}
		}
		catch (IOException | InterruptedException e) {
			// the server closed the connection, which is what a refused trickle should
			// end in
		}
	}

	/**
	 * Everything the server sends until it closes the connection; fails when it keeps it
	 * open past the timeout.
	 */
	private static String readUntilClosed(InputStream in) throws IOException {
		StringBuilder text = new StringBuilder();
		byte[] buffer = new byte[4096];
		try {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
			}
		}
		catch (SocketTimeoutException e) {
			throw new AssertionError("the server kept the connection open; it had sent: " + text, e);
		}
		catch (IOException e) {
			// a reset after the answer is a close too
			if (text.isEmpty()) {
				throw e;
			}
		}
		return text.toString();
	}

}
