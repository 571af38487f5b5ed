package com.finance.analytics;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The two ways a {@link GatewayTest} reaches the running gateway:
 * {@link HttpGraphQlTester} for GraphQL calls (named documents under
 * {@code graphql-test/}, no token: each test adds its caller's) and {@link GatewayHttp}
 * for requests a GraphQL client would never send. Lazy because the port is known only
 * once the server has started.
 */
@TestConfiguration(proxyBeanMethods = false)
class GatewayClients {

	/**
	 * Generous: the suite shares two cores with whatever else runs; these tests check
	 * behaviour, never speed.
	 */
	static final Duration TIMEOUT = Duration.ofMinutes(2);

	@Bean
	@Lazy
	HttpGraphQlTester httpGraphQlTester(@Value("${local.server.port}") int port) {
		WebTestClient client = WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://127.0.0.1:" + port + "/graphql")
			.responseTimeout(TIMEOUT)
			.build();
		return HttpGraphQlTester.create(client);
	}

	@Bean
	@Lazy
	GatewayHttp gatewayHttp(@Value("${local.server.port}") int port) {
		return new GatewayHttp(port, TIMEOUT);
	}

}
