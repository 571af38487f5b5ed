package com.finance.analytics.security;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the hostile suites share: raw HTTP to the real gateway serving the real test
 * snapshot, the {@link GatewaySurface} they aim at (discovered once per class, read-only
 * afterwards, so no test depends on another), and the check that none of their requests
 * changed the served snapshot.
 */
@GatewayTest
@ExtendWith(ServedSnapshotUnchanged.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileRequests {

	@Autowired
	GatewayHttp http;

	GatewaySurface surface;

	@BeforeAll
	void discoverTheGateway() throws Exception {
		surface = GatewaySurface.discover(http);
	}

}
