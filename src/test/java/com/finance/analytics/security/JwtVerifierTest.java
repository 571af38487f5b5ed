package com.finance.analytics.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtVerifierTest {

	private static final UUID USER = UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");

	private final JwtVerifier verifier = new JwtVerifier(properties(TestTokens.SECRET, "", ""));

	@Test
	void acceptsValidTokenAndReadsUserAndScopes() {
		Caller caller = verifier.verify(TestTokens.valid(USER, "analytics:refresh", "other"));

		assertThat(caller.userId()).isEqualTo(USER);
		assertThat(caller.scopes()).containsExactlyInAnyOrder("analytics:refresh", "other");
		assertThat(caller.hasScope(Caller.REFRESH_SCOPE)).isTrue();
	}

	@Test
	void readsScopesFromScpListClaim() {
		String token = TestTokens.hs256(TestTokens.claims(USER).claim("scp", List.of("a", "b")).build(),
				TestTokens.SECRET);

		assertThat(verifier.verify(token).scopes()).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void grantsNoScopeWhenTokenCarriesNone() {
		assertThat(verifier.verify(TestTokens.valid(USER)).hasScope(Caller.REFRESH_SCOPE)).isFalse();
	}

	@Test
	void rejectsTokenSignedWithAnotherSecret() {
		assertRefused(TestTokens.wrongSecret(USER));
	}

	@Test
	void rejectsPayloadSwappedUnderAValidSignature() {
		String mine = TestTokens.valid(USER);
		String theirs = TestTokens.valid(UUID.randomUUID());
		String[] a = mine.split("\\.");
		String[] b = theirs.split("\\.");

		assertRefused(a[0] + "." + b[1] + "." + a[2]);
	}

	@Test
	void rejectsUnsecuredAlgNoneToken() {
		assertRefused(TestTokens.algNone(USER));
	}

	@Test
	void rejectsAlgNoneHeaderCarryingAValidHmacSignature() {
		String[] valid = TestTokens.valid(USER).split("\\.");
		String none = TestTokens.raw("{\"alg\":\"none\"}", "{}", "").split("\\.")[0];

		assertRefused(none + "." + valid[1] + "." + valid[2]);
	}

	@Test
	void rejectsRsaPublicKeyUsedAsHmacSecret() throws Exception {
		RSAKey rsa = new RSAKeyGenerator(2048).keyID("k1").generate();
		byte[] publicKeyAsSecret = rsa.toPublicKey().getEncoded();

		assertRefused(TestTokens.hs256(TestTokens.claims(USER).build(), publicKeyAsSecret));
	}

	@Test
	void rejectsRs256TokenWhenNoJwksIsConfigured() throws Exception {
		RSAKey rsa = new RSAKeyGenerator(2048).keyID("k1").generate();

		assertRefused(TestTokens.rs256(TestTokens.claims(USER).build(), rsa));
	}

	@Test
	void rejectsHs256WhenNotAllowListed() {
		var rsOnly = new JwtProperties(TestTokens.SECRET, List.of("RS256"), Duration.ofSeconds(30), "", "", "sub",
				java.net.URI.create("http://127.0.0.1:1/jwks.json"), Duration.ofMinutes(5), Duration.ofSeconds(1),
				Duration.ofHours(24));

		assertRefusedBy(new JwtVerifier(rsOnly), TestTokens.valid(USER));
	}

	@Test
	void rejectsExpiredToken() {
		assertThatThrownBy(() -> verifier.verify(TestTokens.expired(USER)))
			.isInstanceOfSatisfying(AnalyticsException.class, e -> {
				assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
				assertThat(e.getMessage()).isEqualTo("Token expired");
			});
	}

	@Test
	void rejectsTokenBeforeItsNotBeforeTime() {
		assertRefused(TestTokens.notYetValid(USER));
	}

	@Test
	void rejectsTokenIssuedInTheFuture() {
		Instant later = Instant.now().plus(Duration.ofMinutes(5));
		assertRefused(TestTokens.hs256(TestTokens.claims(USER).issueTime(Date.from(later)).build(), TestTokens.SECRET));
	}

	@Test
	void acceptsTokenJustExpiredWithinClockSkew() {
		Instant now = Instant.now();
		String token = TestTokens.hs256(TestTokens.claims(USER)
			.issueTime(Date.from(now.minusSeconds(60)))
			.expirationTime(Date.from(now.minusSeconds(10)))
			.build(), TestTokens.SECRET);

		assertThat(verifier.verify(token).userId()).isEqualTo(USER);
	}

	@Test
	void rejectsTokenWithoutExpiry() {
		assertRefused(TestTokens.withoutExpiry(USER));
	}

	@Test
	void nullExpiryIsRefused() {
		assertRefused(TestTokens.hs256Json("{\"sub\":\"" + USER + "\",\"iat\":978307200,\"exp\":null}"));
	}

	@Test
	void nonNumericExpiryIsRefused() {
		for (String exp : new String[] { "\"4102444800\"", "\"never\"", "true", "[4102444800]", "{}" }) {
			assertRefused(TestTokens.hs256Json("{\"sub\":\"" + USER + "\",\"exp\":" + exp + "}"));
		}
	}

	@Test
	void lifetimeFromIssueTimeBeyondTheMaximumIsRefused() {
		Instant now = Instant.now();
		assertRefused(TestTokens.hs256(TestTokens.claims(USER)
			.issueTime(Date.from(now.minus(Duration.ofHours(30))))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.build(), TestTokens.SECRET));
	}

	@Test
	void expiryFurtherFromNowThanTheMaximumIsRefused() {
		Instant now = Instant.now();
		assertRefused(TestTokens.hs256(TestTokens.claims(USER)
			.issueTime(null)
			.expirationTime(Date.from(now.plus(Duration.ofDays(365))))
			.build(), TestTokens.SECRET));
	}

	@Test
	void lifetimeWithinTheMaximumIsAccepted() {
		Instant now = Instant.now();
		String token = TestTokens.hs256(TestTokens.claims(USER)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofHours(24))))
			.build(), TestTokens.SECRET);

		assertThat(verifier.verify(token).userId()).isEqualTo(USER);
	}

	@Test
	void emptyCriticalHeaderListIsRefused() {
		String claims = TestTokens.claims(USER).build().toString();

		assertThat(verifier.verify(TestTokens.hs256Json("{\"alg\":\"HS256\"}", claims)).userId()).isEqualTo(USER);
		assertRefused(TestTokens.hs256Json("{\"alg\":\"HS256\",\"crit\":[]}", claims));
	}

	@Test
	void rejectsTokenWithoutSubject() {
		assertRefused(TestTokens.hs256(TestTokens.claims(USER).subject(null).build(), TestTokens.SECRET));
	}

	@Test
	void rejectsSubjectThatIsNotAUuid() {
		for (String subject : List.of("alice", "1-1-1-1-1", "' OR 1=1 --", USER + " ", "")) {
			String token = TestTokens.hs256(TestTokens.claims(USER).subject(subject).build(), TestTokens.SECRET);
			assertRefused(token);
		}
	}

	@Test
	void rejectsSubjectOfTheWrongJsonType() {
		String token = TestTokens.hs256(TestTokens.claims(USER).claim("sub", 42).build(), TestTokens.SECRET);

		assertRefused(token);
	}

	@Test
	void readsUserFromConfiguredClaim() {
		var custom = new JwtProperties(TestTokens.SECRET, List.of("HS256"), Duration.ofSeconds(30), "", "", "uid", null,
				Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofHours(24));
		String token = TestTokens.hs256(TestTokens.claims(UUID.randomUUID()).claim("uid", USER.toString()).build(),
				TestTokens.SECRET);

		assertThat(new JwtVerifier(custom).verify(token).userId()).isEqualTo(USER);
	}

	@Test
	void checksIssuerAndAudienceWhenConfigured() {
		var strict = new JwtVerifier(properties(TestTokens.SECRET, "https://issuer.example", "analytics"));
		var good = TestTokens.claims(USER).issuer("https://issuer.example").audience(List.of("other", "analytics"));

		assertThat(strict.verify(TestTokens.hs256(good.build(), TestTokens.SECRET)).userId()).isEqualTo(USER);
		assertRefusedBy(strict, TestTokens.hs256(good.issuer("https://evil.example").build(), TestTokens.SECRET));
		assertRefusedBy(strict,
				TestTokens.hs256(
						TestTokens.claims(USER).issuer("https://issuer.example").audience("someone-else").build(),
						TestTokens.SECRET));
		assertRefusedBy(strict,
				TestTokens.hs256(TestTokens.claims(USER).issuer("https://issuer.example").build(), TestTokens.SECRET));
	}

	@Test
	void rejectsGarbage() {
		for (String token : List.of("", "x", "a.b.c", "..", "a.b", "eyJhbGciOiJIUzI1NiJ9..",
				TestTokens.raw("{\"alg\":\"HS256\"", "{}", "sig"), TestTokens.raw("[]", "[]", ""))) {
			assertRefused(token);
		}
	}

	@Test
	void refusesToStartWithShortSecret() {
		assertThatThrownBy(() -> new JwtVerifier(properties("too-short-secret", "", "")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("ANALYTICS_JWT_SECRET is too short");
	}

	@Test
	void refusesToStartWithoutAnyKey() {
		assertThatThrownBy(() -> new JwtVerifier(properties("", "", ""))).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("No token verification key configured");
	}

	@Test
	void refusesToStartWithAlgorithmOutsideTheSupportedSet() {
		for (String algorithm : List.of("none", "HS512", "PS256")) {
			var props = new JwtProperties(TestTokens.SECRET, List.of(algorithm), Duration.ofSeconds(30), "", "", "sub",
					null, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofHours(24));
			assertThatThrownBy(() -> new JwtVerifier(props)).isInstanceOf(IllegalStateException.class);
		}
	}

	@Test
	void verifiedTokenAskedAgainIsTheSameCallerAndATamperedCopyIsStillRefused() {
		String token = TestTokens.valid(USER, "other");
		Caller first = verifier.verify(token);
		String[] parts = token.split("\\.");
		String otherPayload = TestTokens.valid(UUID.randomUUID()).split("\\.")[1];

		assertThat(verifier.verify(token)).isEqualTo(first);
		assertRefused(parts[0] + "." + otherPayload + "." + parts[2]);
	}

	@Test
	void verifiedTokenIsRefusedOncePastItsExpiry() throws InterruptedException {
		var noSkew = new JwtVerifier(new JwtProperties(TestTokens.SECRET, List.of("HS256"), Duration.ZERO, "", "",
				"sub", null, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofHours(24)));
		Instant expiry = Instant.now().plusMillis(1500);
		String token = TestTokens.hs256(TestTokens.claims(USER).expirationTime(Date.from(expiry)).build(),
				TestTokens.SECRET);
		assertThat(noSkew.verify(token).userId()).isEqualTo(USER);

		Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 1100);

		assertRefusedBy(noSkew, token);
	}

	static JwtProperties properties(String secret, String issuer, String audience) {
		return new JwtProperties(secret, List.of("HS256", "RS256", "ES256"), Duration.ofSeconds(30), issuer, audience,
				"sub", null, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofHours(24));
	}

	private void assertRefused(String token) {
		assertRefusedBy(verifier, token);
	}

	private static void assertRefusedBy(JwtVerifier verifier, String token) {
		assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(AnalyticsException.class,
				e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
	}

}
