package com.finance.analytics.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.finance.analytics.refresh.DagsterClient;
import com.finance.analytics.refresh.RefreshProperties;
import com.finance.analytics.refresh.RefreshService;
import com.finance.analytics.security.Caller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Refresh launches counted by outcome, against a real socket where no Dagster listens.
 */
class RefreshMetersTest {

	private static final Caller OPERATOR = new Caller(UUID.randomUUID(), Set.of(Caller.REFRESH_SCOPE));

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void launchDagsterNeverAnsweredIsCountedAsUnavailable() throws IOException {
		RefreshService refreshes = service(URI.create("http://127.0.0.1:" + freeLoopbackPort()));
		new RefreshMeters(registry, refreshes);

		assertThatThrownBy(() -> refreshes.refresh(OPERATOR).join()).hasMessageContaining("Dagster");

		// the counter is told by the shared launch, which may finish just after the
		// caller's copy
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(launches("UNAVAILABLE")).isEqualTo(1));
		assertThat(launches(Outcomes.OK)).isZero();
	}

	private double launches(String outcome) {
		return registry.get("analytics.refresh.launches").tag("outcome", outcome).counter().count();
	}

	private static RefreshService service(URI dagster) {
		RefreshProperties properties = new RefreshProperties(dagster, "analytics", "__repository__",
				"analytics_refresh", Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
		return new RefreshService(new DagsterClient(properties), properties);
	}

	private static int freeLoopbackPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
