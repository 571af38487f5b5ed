package com.finance.analytics.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Every user that has transactions, each with one of their accounts and a token minted up
 * front.
 */
final class UserPool {

	private final List<BenchUser> users;

	private UserPool(List<BenchUser> users) {
		this.users = users;
	}

	/**
	 * One token per user, valid for {@code lifetime}; the account is each user's first by
	 * id (deterministic).
	 */
	static UserPool load(Connection connection, String secret, Duration lifetime) throws SQLException {
		MACSigner signer;
		try {
			signer = new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (JOSEException e) {
			throw new IllegalArgumentException("The JWT secret must be at least 32 bytes", e);
		}
		List<BenchUser> users = new ArrayList<>();
		Instant now = Instant.now();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
				select a.user_id, min(a.account_id::varchar) from main.dim_accounts a
				where a.user_id in (select distinct user_id from main.fct_transactions)
				group by a.user_id order by a.user_id""")) {
			while (rows.next()) {
				UUID userId = (UUID) rows.getObject(1);
				users.add(
						new BenchUser(userId, UUID.fromString(rows.getString(2)), mint(signer, userId, now, lifetime)));
			}
		}
		if (users.isEmpty()) {
			throw new IllegalStateException("The snapshot has no user with transactions");
		}
		return new UserPool(List.copyOf(users));
	}

	BenchUser random(Random random) {
		return users.get(random.nextInt(users.size()));
	}

	int size() {
		return users.size();
	}

	/** Every user, ordered by user id. */
	List<BenchUser> all() {
		return users;
	}

	private static String mint(MACSigner signer, UUID userId, Instant now, Duration lifetime) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId.toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(lifetime)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			jwt.sign(signer);
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
		return jwt.serialize();
	}

}
