package com.finance.analytics.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.finance.analytics.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies Spring for GraphQL cannot read, sent over real HTTP to the gateway serving the real test snapshot:
 * each is a 400 with a GraphQL-shaped error carrying {@code BAD_REQUEST}, never the framework's default error body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedGraphQlRequestsTest {

    private static final UUID USER = UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void testSnapshot(DynamicPropertyRegistry registry) {
        registry.add("analytics.snapshots-dir", () -> TestFixtures.testSnapshots().toString());
    }

    @Test
    void unreadableBodiesAreBadRequestsWithACode() {
        GatewayClient client = new GatewayClient(port);
        List<String> bodies = List.of("{}", "[]", "{\"query\":null}", "{\"query\":42}", "{\"query\":true}",
                "{\"query\":[\"{ datasets { id } }\"]}", "{\"query\":{}}", "not json", "{\"query\":",
                "{\"query\":\"{ datasets { id } }\"} trailing",
                "{\"query\":\"{ datasets { id } }\",\"variables\":\"x\"}",
                "{\"query\":\"{ datasets { id } }\",\"variables\":[1]}",
                "{\"query\":\"{ datasets { id } }\",\"variables\":42}",
                "{\"query\":\"{ datasets { id } }\",\"operationName\":{}}",
                "{\"query\":\"{ datasets { id } }\",\"operationName\":5}",
                "{\"query\":\"{ datasets { id } }\",\"extensions\":\"x\"}");
        for (String body : bodies) {
            var response = client.post(TestTokens.bearer(USER), HttpRequest.BodyPublishers.ofString(body));

            assertThat(response.status()).as(body).isEqualTo(400);
            JsonNode json = response.json();
            assertThat(json.path("errors")).as(body).hasSize(1);
            assertThat(json.path("errors").path(0).path("extensions").path("code").asString()).as(body)
                    .isEqualTo("BAD_REQUEST");
            assertThat(json.path("errors").path(0).path("message").asString()).as(body)
                    .isNotBlank().doesNotContainIgnoringCase("jackson").doesNotContainIgnoringCase("exception");
            assertThat(json.has("timestamp") || json.has("status") || json.has("data")).as(body).isFalse();
        }
    }

    @Test
    void wellFormedBodyStillAnswers() {
        var response = new GatewayClient(port).query(TestTokens.bearer(USER), "{ analyticsStatus { available } }",
                Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().path("analyticsStatus").path("available").asBoolean()).isTrue();
    }

    @Test
    void unsupportedOrMissingContentTypeIsRefusedWithACode() throws Exception {
        for (String contentType : new String[] {"text/plain", "application/graphql", "application/vnd.other+json",
                null}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Authorization", TestTokens.bearer(USER))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ analyticsStatus { available } }\"}"));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(contentType + ": " + response.body()).isEqualTo(415);
            assertThat(GatewayClient.JSON.readTree(response.body()).path("errors").path(0).path("extensions")
                    .path("code").asString()).as(contentType + ": " + response.body()).isEqualTo("BAD_REQUEST");
        }
    }
}
