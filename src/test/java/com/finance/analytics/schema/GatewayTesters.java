package com.finance.analytics.schema;

import com.finance.analytics.security.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/** spring-graphql-test clients for a gateway running on a real port, signed in as a given user. */
final class GatewayTesters {

    private GatewayTesters() {
    }

    static HttpGraphQlTester as(int port, UUID user) {
        return anonymous(port).mutate().header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(user)).build();
    }

    static HttpGraphQlTester anonymous(int port) {
        WebTestClient.Builder client = WebTestClient.bindToServer(new JdkClientHttpConnector())
                .baseUrl("http://127.0.0.1:" + port + "/graphql")
                // Generous: a shared 2-core machine can be slow; these tests check values, never speed.
                .responseTimeout(Duration.ofMinutes(2));
        return HttpGraphQlTester.builder(client).build();
    }
}
