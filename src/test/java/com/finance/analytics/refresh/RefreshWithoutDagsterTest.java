package com.finance.analytics.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.finance.analytics.TestFixtures;
import com.finance.analytics.security.Caller;

/**
 * The gateway serving the real test snapshot while Dagster is down: the refresh fields answer with stable error codes
 * and the data queries keep working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RefreshWithoutDagsterTest {

    private static final UUID OPERATOR = UUID.fromString("0b7c1a52-3f7e-4e0a-9d55-7d1f4b1f2a01");
    private static final String REFRESH = "mutation { refreshAnalytics { id status startedAt finishedAt message } }";
    private static final String RUN = "query($id: ID!) { refreshRun(id: $id) { id status message } }";

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void deadDagster(DynamicPropertyRegistry registry) throws IOException {
        registry.add("analytics.snapshots-dir", () -> TestFixtures.testSnapshots().toString());
        String deadDagster = "http://127.0.0.1:" + RefreshFixtures.freeLoopbackPort();
        registry.add("analytics.refresh.dagster-url", () -> deadDagster);
        registry.add("analytics.refresh.connect-timeout", () -> "1s");
        registry.add("analytics.refresh.request-timeout", () -> "1s");
        registry.add("analytics.refresh.launch-timeout", () -> "1s");
    }

    @Test
    void refreshAnswersUnavailableWhileQueriesKeepWorking() {
        var operator = GatewayGraphQl.as(port, OPERATOR, Caller.REFRESH_SCOPE);

        ClientGraphQlResponse refresh = operator.document(REFRESH).executeSync();
        ClientGraphQlResponse status = operator.document("{ analyticsStatus { available snapshotId } datasets { id } }")
                .executeSync();

        assertThat(GatewayGraphQl.errorCodes(refresh)).containsExactly("UNAVAILABLE");
        assertThat(refresh.getErrors().getFirst().getMessage()).doesNotContain("Exception", "127.0.0.1");
        assertThat(status.getErrors()).isEmpty();
        assertThat(status.field("analyticsStatus.available").<Boolean>getValue()).isTrue();
        assertThat(status.field("datasets").toEntityList(Object.class)).isNotEmpty();
    }

    @Test
    void refreshNeedsTheRefreshScope() {
        var user = GatewayGraphQl.as(port, OPERATOR);

        assertThat(GatewayGraphQl.errorCodes(user.document(REFRESH).executeSync())).containsExactly("FORBIDDEN");
        assertThat(GatewayGraphQl.errorCodes(user.document(RUN).variable("id", UUID.randomUUID()).executeSync()))
                .containsExactly("FORBIDDEN");
    }

    @Test
    void refreshRunRejectsAnIdThatIsNotARunId() {
        var operator = GatewayGraphQl.as(port, OPERATOR, Caller.REFRESH_SCOPE);

        ClientGraphQlResponse response = operator.document(RUN).variable("id", "'; drop table runs; --").executeSync();

        assertThat(GatewayGraphQl.errorCodes(response)).containsExactly("BAD_REQUEST");
    }
}
