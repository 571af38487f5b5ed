package com.finance.analytics.security;

import java.util.UUID;

import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Whatever a client sends as a token, the verifier either accepts a genuine one or
 * answers UNAUTHENTICATED.
 */
class JwtVerifierPropertiesTest {

	private static final UUID USER = UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");

	private static final String TOKEN = TestTokens.valid(USER);

	private final JwtVerifier verifier = new JwtVerifier(JwtVerifierTest.properties(TestTokens.SECRET, "", ""));

	@Property(tries = 500)
	void refusesArbitraryTextWithUnauthenticated(@ForAll("tokenLike") String token) {
		assertRefused(token);
	}

	@Property(tries = 500)
	void refusesAnyChangeToTheSignedPart(@ForAll @IntRange(min = 0, max = 10_000) int position,
			@ForAll("base64UrlChars") char replacement) {
		int signedLength = TOKEN.lastIndexOf('.');
		int index = position % signedLength;
		Assume.that(TOKEN.charAt(index) != replacement);

		assertRefused(TOKEN.substring(0, index) + replacement + TOKEN.substring(index + 1));
	}

	@Property(tries = 200)
	void refusesAnyChangeToTheSignature(@ForAll @IntRange(min = 0, max = 10_000) int position,
			@ForAll("base64UrlChars") char replacement) {
		int start = TOKEN.lastIndexOf('.') + 1;
		// the last character also carries padding bits that do not change the decoded
		// signature
		int index = start + position % (TOKEN.length() - start - 1);
		Assume.that(TOKEN.charAt(index) != replacement);

		assertRefused(TOKEN.substring(0, index) + replacement + TOKEN.substring(index + 1));
	}

	@Property(tries = 50)
	void acceptsTheGenuineTokenOfAnyUser(@ForAll("users") UUID user) {
		assertThat(verifier.verify(TestTokens.valid(user)).userId()).isEqualTo(user);
	}

	@Provide
	Arbitrary<String> tokenLike() {
		Arbitrary<String> segment = Arbitraries.strings().withChars("ABCDEFabcdef0123456789-_=+/eyJ").ofMaxLength(60);
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200), Arbitraries.strings().all().ofMaxLength(80),
				segment.list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join(".", parts)),
				segment.map(payload -> TOKEN.substring(0, TOKEN.indexOf('.') + 1) + payload
						+ TOKEN.substring(TOKEN.lastIndexOf('.'))));
	}

	@Provide
	Arbitrary<Character> base64UrlChars() {
		return Arbitraries.chars()
			.with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray());
	}

	@Provide
	Arbitrary<UUID> users() {
		return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
	}

	private void assertRefused(String token) {
		assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(AnalyticsException.class,
				e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
	}

}
