package com.finance.analytics.security;

import java.util.Map;
import java.util.UUID;

import com.finance.analytics.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user limit on the real server, where a GraphQL response is written asynchronously: with one place per user,
 * request after request of the same user still answers, so every place is given back when its request ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserFairnessTest {

    private static final UUID USER = UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void testSnapshotAndOnePlacePerUser(DynamicPropertyRegistry registry) {
        registry.add("analytics.snapshots-dir", () -> TestFixtures.testSnapshots().toString());
        registry.add("analytics.limits.max-concurrent-requests-per-user", () -> "1");
    }

    @Test
    void sequentialRequestsOfOneUserAllAnswerUnderALimitOfOne() {
        GatewayClient client = new GatewayClient(port);
        for (int i = 0; i < 5; i++) {
            var graphQl = client.query(TestTokens.bearer(USER), "{ analyticsStatus { available } }", Map.of());
            var badGraphQl = client.query(TestTokens.bearer(USER), "{ noSuchField }", Map.of());
            var rest = client.get(TestTokens.bearer(USER), "/api/analytics/status");

            assertThat(graphQl.status()).as(graphQl.text()).isEqualTo(200);
            assertThat(badGraphQl.errorCodes()).as(badGraphQl.text()).containsExactly("BAD_REQUEST");
            assertThat(rest.status()).as(rest.text()).isEqualTo(200);
        }
    }
}
