package com.finance.analytics.refresh;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import com.finance.analytics.security.TestTokens;

/** A GraphQL client of the running gateway over real HTTP, signed in as one user with the given scopes. */
final class GatewayGraphQl {

    private GatewayGraphQl() {
    }

    static HttpSyncGraphQlClient as(int port, UUID user, String... scopes) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(Duration.ofSeconds(60));
        return HttpSyncGraphQlClient.builder(RestClient.builder()
                        .requestFactory(requests)
                        .baseUrl("http://127.0.0.1:" + port + "/graphql"))
                .header("Authorization", TestTokens.bearer(user, scopes))
                .build();
    }

    static List<String> errorCodes(ClientGraphQlResponse response) {
        return response.getErrors().stream().map(GatewayGraphQl::code).toList();
    }

    private static String code(ResponseError error) {
        return String.valueOf(error.getExtensions().get("code"));
    }
}
