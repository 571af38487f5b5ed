package com.finance.analytics.security;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RS256/ES256 verification against a real JWKS document served over HTTP on loopback. */
class JwksVerificationTest {

	private static final UUID USER = UUID.fromString("0b9e5a52-3c1d-4e8f-9a7b-6c5d4e3f2a10");

	private final AtomicReference<JWKSet> published = new AtomicReference<>();

	private final AtomicInteger fetches = new AtomicInteger();

	private HttpServer server;

	private RSAKey rsa;

	private ECKey ec;

	@BeforeEach
	void serveJwks() throws Exception {
		rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
		ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
		published.set(new JWKSet(List.<JWK>of(rsa.toPublicJWK(), ec.toPublicJWK())));
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/jwks.json", exchange -> {
			fetches.incrementAndGet();
			byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (var out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
	}

	@AfterEach
	void stopServer() {
		server.stop(0);
	}

	@Test
	void acceptsRs256AndEs256TokensSignedByPublishedKeys() {
		JwtVerifier verifier = verifier(TestTokens.SECRET);

		assertThat(verifier.verify(TestTokens.rs256(TestTokens.claims(USER).build(), rsa)).userId()).isEqualTo(USER);
		assertThat(verifier.verify(TestTokens.es256(TestTokens.claims(USER).build(), ec)).userId()).isEqualTo(USER);
		assertThat(verifier.verify(TestTokens.valid(USER)).userId()).isEqualTo(USER);
	}

	@Test
	void servesRepeatedVerificationsFromTheKeyCache() {
		JwtVerifier verifier = verifier("");
		for (int i = 0; i < 5; i++) {
			verifier.verify(TestTokens.rs256(TestTokens.claims(USER).build(), rsa));
		}

		assertThat(fetches.get()).isEqualTo(1);
	}

	@Test
	void acceptsRotatedKeyOnceItIsPublished() throws Exception {
		JwtVerifier verifier = verifier("");
		verifier.verify(TestTokens.rs256(TestTokens.claims(USER).build(), rsa));
		RSAKey rotated = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
		String signedByRotated = TestTokens.rs256(TestTokens.claims(USER).build(), rotated);

		published.set(new JWKSet(List.<JWK>of(rsa.toPublicJWK(), rotated.toPublicJWK())));

		assertThat(verifier.verify(signedByRotated).userId()).isEqualTo(USER);
		assertThat(fetches.get()).isEqualTo(2);
	}

	@Test
	void rejectsKeyThatIsNotPublished() throws Exception {
		RSAKey unknown = new RSAKeyGenerator(2048).keyID("rsa-1").generate();

		assertRefused(verifier(""), TestTokens.rs256(TestTokens.claims(USER).build(), unknown));
	}

	@Test
	void rejectsHs256TokenKeyedWithThePublishedRsaPublicKey() throws Exception {
		JwtVerifier verifier = verifier(TestTokens.SECRET);
		var claims = TestTokens.claims(USER).build();
		byte[] pem = ("-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(rsa.toPublicKey().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n")
			.getBytes(StandardCharsets.US_ASCII);

		for (byte[] key : List.of(pem, rsa.toPublicKey().getEncoded(), rsa.toPublicJWK().toJSONString().getBytes())) {
			var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), claims);
			jwt.sign(new MACSigner(key));
			assertRefused(verifier, jwt.serialize());
		}
	}

	@Test
	void ignoresKeysTheTokenPointsToOrCarries() throws Exception {
		RSAKey attacker = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
		AtomicInteger attackerFetches = new AtomicInteger();
		HttpServer attackerServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		attackerServer.createContext("/jwks.json", exchange -> {
			attackerFetches.incrementAndGet();
			byte[] body = new JWKSet(attacker.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (var out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		attackerServer.start();
		try {
			URI attackerJwks = URI.create("http://127.0.0.1:" + attackerServer.getAddress().getPort() + "/jwks.json");
			var headers = List.of(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").jwkURL(attackerJwks).build(),
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").jwk(attacker.toPublicJWK()).build());
			for (JWSHeader header : headers) {
				var jwt = new SignedJWT(header, TestTokens.claims(USER).build());
				jwt.sign(new RSASSASigner(attacker));
				assertRefused(verifier(""), jwt.serialize());
			}
			assertThat(attackerFetches.get()).isZero();
		}
		finally {
			attackerServer.stop(0);
		}
	}

	@Test
	void rejectsEs256TokenWhenOnlyRs256IsAllowed() {
		var rsOnly = new JwtProperties("", List.of("RS256"), Duration.ofSeconds(30), "", "", "sub", jwksUrl(),
				Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofHours(24));

		assertRefused(new JwtVerifier(rsOnly), TestTokens.es256(TestTokens.claims(USER).build(), ec));
	}

	@Test
	void refusesTokensWhileJwksIsUnreachable() {
		JwtVerifier verifier = verifier("");
		server.stop(0);

		assertRefused(verifier, TestTokens.rs256(TestTokens.claims(USER).build(), rsa));
	}

	private JwtVerifier verifier(String secret) {
		return new JwtVerifier(new JwtProperties(secret, List.of("HS256", "RS256", "ES256"), Duration.ofSeconds(30), "",
				"", "sub", jwksUrl(), Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofHours(24)));
	}

	private URI jwksUrl() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
	}

	private static void assertRefused(JwtVerifier verifier, String token) {
		assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(AnalyticsException.class,
				e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
	}

}
