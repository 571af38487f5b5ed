package com.finance.analytics.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints tokens for tests of every package: valid ones for the test secret configured in
 * {@code src/test/resources/config/application.yml}, and the hostile kinds the gateway
 * must refuse.
 */
public final class TestTokens {

	/**
	 * The HS256 secret every test context verifies with ({@code analytics.jwt.secret} in
	 * the test configuration).
	 */
	public static final String SECRET = "test-only-hs256-secret-0123456789abcdefghij";

	private static final Duration LIFETIME = Duration.ofMinutes(10);

	private TestTokens() {
	}

	/** A valid token for the user, granting the given scopes. */
	public static String valid(UUID userId, String... scopes) {
		JWTClaimsSet.Builder claims = claims(userId);
		if (scopes.length > 0) {
			claims.claim("scope", String.join(" ", scopes));
		}
		return hs256(claims.build(), SECRET);
	}

	/** The {@code Authorization} header value carrying a valid token for the user. */
	public static String bearer(UUID userId, String... scopes) {
		return "Bearer " + valid(userId, scopes);
	}

	public static String expired(UUID userId) {
		Instant past = Instant.now().minus(Duration.ofHours(1));
		return hs256(claims(userId).issueTime(Date.from(past.minus(LIFETIME))).expirationTime(Date.from(past)).build(),
				SECRET);
	}

	public static String notYetValid(UUID userId) {
		Instant later = Instant.now().plus(Duration.ofHours(1));
		return hs256(
				claims(userId).notBeforeTime(Date.from(later)).expirationTime(Date.from(later.plus(LIFETIME))).build(),
				SECRET);
	}

	public static String withoutExpiry(UUID userId) {
		return hs256(claims(userId).expirationTime(null).build(), SECRET);
	}

	public static String wrongSecret(UUID userId) {
		return hs256(claims(userId).build(), "another-secret-of-at-least-32-bytes-xxxxxxx");
	}

	/** An unsecured JWT ({@code alg: none}, empty signature). */
	public static String algNone(UUID userId) {
		return new PlainJWT(claims(userId).build()).serialize();
	}

	/**
	 * Claims of a valid token for the user, to adjust before signing: {@code sub},
	 * {@code iat} now, {@code exp} soon.
	 */
	public static JWTClaimsSet.Builder claims(UUID userId) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().subject(userId.toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(LIFETIME)));
	}

	public static String hs256(JWTClaimsSet claims, String secret) {
		return hs256(claims, secret.getBytes(StandardCharsets.UTF_8));
	}

	public static String hs256(JWTClaimsSet claims, byte[] key) {
		try {
			return sign(new JWSHeader(JWSAlgorithm.HS256), claims, new MACSigner(key));
		}
		catch (JOSEException e) {
			throw new IllegalArgumentException(e);
		}
	}

	public static String rs256(JWTClaimsSet claims, RSAKey key) {
		try {
			return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims,
					new RSASSASigner(key));
		}
		catch (JOSEException e) {
			throw new IllegalArgumentException(e);
		}
	}

	public static String es256(JWTClaimsSet claims, ECKey key) {
		try {
			return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims,
					new ECDSASigner(key));
		}
		catch (JOSEException e) {
			throw new IllegalArgumentException(e);
		}
	}

	/**
	 * Claims exactly as given (JSON no library would produce), validly signed with HS256
	 * and the test secret.
	 */
	public static String hs256Json(String claimsJson) {
		return hs256Json("{\"alg\":\"HS256\"}", claimsJson);
	}

	/**
	 * Header and claims exactly as given, validly signed with HS256 and the test secret.
	 */
	public static String hs256Json(String headerJson, String claimsJson) {
		var encoder = Base64.getUrlEncoder().withoutPadding();
		String signingInput = encoder.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
				+ encoder.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + encoder.encodeToString(signature);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Header and claims as given by a client, unsigned: for tokens no library would
	 * produce.
	 */
	public static String raw(String headerJson, String claimsJson, String signature) {
		var encoder = Base64.getUrlEncoder().withoutPadding();
		return String.join(".", List.of(encoder.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)),
				encoder.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8)), signature));
	}

	private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) throws JOSEException {
		SignedJWT jwt = new SignedJWT(header, claims);
		jwt.sign(signer);
		return jwt.serialize();
	}

}
