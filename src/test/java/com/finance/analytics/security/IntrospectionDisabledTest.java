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

/** With {@code analytics.limits.introspection=false} the live gateway refuses schema introspection as a bad request. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "analytics.limits.introspection=false")
class IntrospectionDisabledTest {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void testSnapshot(DynamicPropertyRegistry registry) {
        registry.add("analytics.snapshots-dir", () -> TestFixtures.testSnapshots().toString());
    }

    @Test
    void refusesSchemaAndTypeIntrospection() {
        GatewayClient client = new GatewayClient(port);
        String bearer = TestTokens.bearer(UUID.randomUUID());

        for (String query : new String[] {SchemaExplorer.INTROSPECTION, "{ __type(name: \"Query\") { name } }",
                "{ datasets { id } __schema { queryType { name } } }"}) {
            var response = client.query(bearer, query, Map.of());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.errorCodes()).as(query).containsExactly("BAD_REQUEST");
            assertThat(response.data().isNull() || response.data().isMissingNode()).isTrue();
        }
    }

    @Test
    void stillAnswersOrdinaryQueriesAndTypename() {
        var response = new GatewayClient(port).query(TestTokens.bearer(UUID.randomUUID()),
                "{ __typename datasets { id } }", Map.of());

        assertThat(response.errorMessages()).isEmpty();
        assertThat(response.data().path("datasets").size()).isPositive();
    }
}
